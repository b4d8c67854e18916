import type { Database } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { readCredentialsFile } from "./credentials-file-cli";

/**
 * Ralph LRS's credentials file as an account source: every `{username, hash,
 * scopes}` entry becomes (or updates) a database user with that bcrypt hash and
 * those scopes on start, so Basic, `/api/token/`, `/api/api-token-auth/` and
 * `/whoami` know them. Users not in the file are left alone. A missing file is
 * no accounts; a malformed one stops the start with a one-line reason.
 */
export async function usersFromCredentialsFile(db: Database, file: string): Promise<number> {
  const entries = readCredentialsFile(file);
  for (const e of entries) {
    const scopes = (e.scopes ?? []).join(",");
    await db.execute(sql`INSERT INTO users (username, password, scopes) VALUES (${e.username}, ${e.hash}, ${scopes})
      ON CONFLICT (username) DO UPDATE SET password = excluded.password, scopes = excluded.scopes, updated = now()`);
  }
  return entries.length;
}
