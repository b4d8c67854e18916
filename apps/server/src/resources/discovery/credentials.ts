import type { BindingOptions } from "../../framework/binding";
import { secrets } from "../../secrets/cipher";

/** The write-only password is sealed (AES-256-GCM) before it reaches the table. */
export const credentialBinding: BindingOptions = {
  derive: ({ values, existing }) => {
    const pw = values.password;
    // On update `values` carries the stored ciphertext unless a new password was sent.
    if (typeof pw !== "string" || pw === existing?.password) return {};
    return { password: secrets().seal(pw) };
  },
};
