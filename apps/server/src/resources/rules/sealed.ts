import type { Derive } from "../../framework";
import { secretBox } from "../../secrets/current";

/**
 * A write-only secret the server must give back to a machine later (a BMC login,
 * a webhook password, a BGP session's TCP-MD5 key): sealed with the secret box
 * (secrets/box.ts) before it reaches the table. Its column is listed in
 * secrets/sealed-columns.ts.
 */
export const sealed =
  (...fields: string[]): Derive =>
  ({ values, existing }) => {
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      const plain = values[field];
      // On update `values` carries the stored ciphertext unless a new secret was sent.
      if (typeof plain === "string" && plain !== existing?.[field]) out[field] = secretBox().seal(plain);
    }
    return out;
  };
