import type { BindingOptions } from "../../framework/binding";
import { sealed } from "../common/sealed";

/** The write-only password is sealed (AES-256-GCM) before it reaches the table. */
export const credentialBinding: BindingOptions = { derive: sealed("password") };
