import { hashPassword } from "../../auth/secrets";
import type { BindingOptions } from "../../framework/binding";

/** Users: the write-only `password` is stored as a bcrypt hash, never as sent. */
export const userBinding: BindingOptions = {
  joinTables: { groups: { table: "user_groups", ownerColumn: "user_id", targetColumn: "group_id" } },
  derive: async ({ values, existing }) => {
    const pw = values.password;
    // On update `values` carries the stored hash unless a new password was sent.
    if (typeof pw !== "string" || pw === existing?.password) return {};
    return { password: await hashPassword(pw) };
  },
};

export const groupBinding: BindingOptions = {
  joinTables: { members: { table: "user_groups", ownerColumn: "group_id", targetColumn: "user_id" } },
};
