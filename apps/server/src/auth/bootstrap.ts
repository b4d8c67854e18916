import { type Database, rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { hashKey, hashPassword, newTokenKey, prefixOf, TOKEN_KEY } from "./secrets";

export interface AdminBootstrap {
  username: string;
  password?: string;
  /** A 40-hex key to install as the admin's token (dev, CI, tests). */
  token?: string;
}

/**
 * Creates (or updates) the superuser `username` and installs the given
 * password and token. Idempotent: safe on every start and on every replica.
 */
export async function ensureSuperuser(db: Database, a: AdminBootstrap): Promise<number> {
  const hash = a.password ? await hashPassword(a.password) : null;
  const [row] = rowsOf<{ id: number }>(
    await db.execute(
      sql`INSERT INTO users (username, is_superuser, is_active, password) VALUES (${a.username}, true, true, ${hash})
          ON CONFLICT (username) DO UPDATE SET is_superuser = true, is_active = true,
            password = coalesce(${hash}, users.password)
          RETURNING id`,
    ),
  );
  const id = Number(row!.id);
  if (a.token) await installToken(db, id, a.token, "bootstrap token");
  return id;
}

export async function installToken(db: Database, userId: number, key: string, description: string) {
  if (!TOKEN_KEY.test(key)) throw new Error("a token key is 40 lowercase hex characters");
  await db.execute(
    sql`INSERT INTO tokens (user_id, prefix, key_hash, description) VALUES (${userId}, ${prefixOf(key)}, ${hashKey(key)}, ${description})
        ON CONFLICT (key_hash) DO NOTHING`,
  );
}

/** A new token for `userId`; returns the key (the only time it is visible). */
export async function createToken(
  db: Database,
  userId: number,
  o: { description?: string; writeEnabled?: boolean; scopes?: string; expires?: Date } = {},
) {
  const key = newTokenKey();
  await db.execute(
    sql`INSERT INTO tokens (user_id, prefix, key_hash, description, write_enabled, scopes, expires)
        VALUES (${userId}, ${prefixOf(key)}, ${hashKey(key)}, ${o.description ?? ""}, ${o.writeEnabled ?? true},
                ${o.scopes ?? ""}, ${o.expires?.toISOString() ?? null})`,
  );
  return key;
}

export async function userCount(db: Database): Promise<number> {
  return Number(rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM users`))[0]?.n ?? 0);
}
