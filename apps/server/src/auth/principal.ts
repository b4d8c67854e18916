import { type Database, rowsOf } from "@rackplane/db";
import { type SQL, sql } from "drizzle-orm";
import type { Principal } from "../framework/context";

export interface UserRow {
  id: number;
  username: string;
  email: string;
  is_superuser: boolean;
  is_active: boolean;
  password: string | null;
  /** The user's own scopes (comma-separated `users.scopes`; `scopes` is a token's). */
  user_scopes?: string;
  groups: { id: number; name: string }[];
}

const userColumns = sql`u.id, u.username, u.email, u.is_superuser, u.is_active, u.password, u.scopes AS user_scopes,
  (SELECT coalesce(json_agg(json_build_object('id', g.id, 'name', g.name) ORDER BY g.name), '[]'::json)
     FROM user_groups ug JOIN groups g ON g.id = ug.group_id WHERE ug.user_id = u.id) AS groups`;

/** One user with their groups, in one statement. */
export async function loadUser(db: Database, where: SQL): Promise<UserRow | undefined> {
  const [row] = rowsOf<UserRow>(await db.execute(sql`SELECT ${userColumns} FROM users u WHERE ${where}`));
  return row;
}

export interface TokenRow extends UserRow {
  token_id: number;
  key_hash: string;
  expires: string | Date | null;
  write_enabled: boolean;
  scopes: string;
  last_used: string | Date | null;
}

/** Candidate tokens by their non-secret prefix (with their user), in one statement. */
export async function tokensByPrefix(db: Database, prefix: string): Promise<TokenRow[]> {
  return rowsOf<TokenRow>(
    await db.execute(
      sql`SELECT t.id AS token_id, t.key_hash, t.expires, t.write_enabled, t.scopes, t.last_used, ${userColumns}
          FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.prefix = ${prefix}`,
    ),
  );
}

export function principalOf(
  u: UserRow,
  method: Principal["method"],
  token?: Pick<TokenRow, "token_id" | "write_enabled" | "scopes">,
): Principal {
  const split = (s: string | undefined) =>
    (s ?? "")
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean);
  // A token's own scopes, else the user's (per-user scopes, whatever the credential).
  const own = split(token?.scopes);
  const scopes = own.length ? own : split(u.user_scopes);
  return {
    id: Number(u.id),
    username: u.username,
    isSuperuser: u.is_superuser,
    groupIds: u.groups.map((g) => Number(g.id)),
    groups: u.groups.map((g) => g.name),
    method,
    scopes: scopes.length ? scopes : null,
    writeEnabled: token ? token.write_enabled : true,
    tokenId: token?.token_id,
  };
}
