import { passwordProblems } from "../../auth/password-validators";
import { hashPassword } from "../../auth/secrets";
import type { BindingOptions } from "../../framework/binding";
import { badRequest } from "../../framework/errors";

/**
 * Users: the write-only `password` is checked by Django's validators (every
 * message at once, on the `password` key) and stored as a bcrypt hash, never as sent.
 */
export const userBinding: BindingOptions = {
  joinTables: { groups: { table: "user_groups", ownerColumn: "user_id", targetColumn: "group_id" } },
  derive: async ({ values, existing }) => {
    const pw = values.password;
    // On update `values` carries the stored hash unless a new password was sent.
    if (typeof pw !== "string" || pw === existing?.password) return {};
    // "" is "no password" (an omitted field's default: the account signs in with tokens only).
    const problems = pw === "" ? [] : passwordProblems(pw, values);
    if (problems.length) throw badRequest({ password: problems });
    return { password: await hashPassword(pw) };
  },
};

export const groupBinding: BindingOptions = {
  joinTables: { members: { table: "user_groups", ownerColumn: "group_id", targetColumn: "user_id" } },
};
