import { secretBox } from "../../auth/secret-box";
import type { BindingOptions } from "../../framework/binding";

/** The write-only `basic_password` is sealed (AES-256-GCM) before it is stored. */
export const forwardingBinding: BindingOptions = {
  derive: ({ values, existing }) => {
    const pw = values.basic_password;
    if (typeof pw !== "string" || pw === existing?.basic_password) return {};
    return { basic_password: secretBox().seal(pw) };
  },
};
