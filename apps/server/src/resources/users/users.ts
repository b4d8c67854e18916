import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { passwordProblems } from "../../auth/password-validators";
import { hashPassword } from "../../auth/secrets";
import { badRequest, defineBinding, type WriteCheck } from "../../framework";
import { joinTable } from "../rules/join-table";

/**
 * Users: the write-only `password` is checked by Django's validators (every
 * message at once, on the `password` key) and stored as a bcrypt hash, never as sent.
 */
export const users = defineBinding(resources.users.users, schema.users, {
  joinTables: { groups: joinTable(schema.userGroups, "user_id", "group_id") },
  derive: [hashedPassword],
});

async function hashedPassword({ values, existing }: WriteCheck) {
  const pw = values.password;
  // On update `values` carries the stored hash unless a new password was sent.
  if (typeof pw !== "string" || pw === existing?.password) return {};
  // "" is "no password" (an omitted field's default: the account signs in with tokens only).
  const problems = pw === "" ? [] : passwordProblems(pw, values);
  if (problems.length) throw badRequest({ password: problems });
  return { password: await hashPassword(pw) };
}
