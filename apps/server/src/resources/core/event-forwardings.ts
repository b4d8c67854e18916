import type { BindingOptions } from "../../framework/binding";
import { sealed } from "../common/sealed";

/** The write-only `basic_password` is sealed (AES-256-GCM) before it is stored. */
export const forwardingBinding: BindingOptions = { derive: sealed("basic_password") };
