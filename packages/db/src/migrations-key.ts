import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), "../drizzle");

/**
 * Hash of every migration file (and `salt`): a new or changed migration makes a new key.
 * Names copies of a migrated, empty database (PGlite's template tarball; the test
 * harness's PostgreSQL template database) so a stale copy is never used.
 */
export function migrationsKey(salt = ""): string {
  const h = createHash("sha256");
  h.update(salt);
  const files = [
    "meta/_journal.json",
    ...readdirSync(migrationsFolder)
      .filter((f) => f.endsWith(".sql"))
      .sort(),
  ];
  for (const f of files) h.update(f).update(readFileSync(join(migrationsFolder, f)));
  return h.digest("hex").slice(0, 16);
}
