import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { migrationsKey } from "./migrations-key";

/**
 * A new PGlite cluster costs an `initdb` in WebAssembly plus every migration —
 * seconds, paid by every fresh data directory (first start, every test server).
 * Restoring a tarball of an empty, migrated cluster costs a fraction of that.
 * The template is keyed by the migrations and the PGlite build, so a new
 * migration or PGlite version makes a new one; it is written once, by the first
 * process that migrates a fresh cluster, atomically (write + rename).
 * `RACKPLANE_PGLITE_TEMPLATE=0` turns it off; `RACKPLANE_PGLITE_TEMPLATE_DIR` moves it.
 */
const here = dirname(fileURLToPath(import.meta.url));

const enabled = () => process.env.RACKPLANE_PGLITE_TEMPLATE !== "0";
const templateDir = () =>
  process.env.RACKPLANE_PGLITE_TEMPLATE_DIR || resolve(here, "../node_modules/.cache/rackplane");

let key: string | undefined;
/** Hash of every migration file and of the PGlite build in use. */
function templateKey(): string {
  key ??= migrationsKey(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
  return key;
}

export const templatePath = () => join(templateDir(), `pglite-${templateKey()}.tar.gz`);

/** A data directory PostgreSQL has never initialised (or an in-memory one). */
const isFresh = (dataDir: string) => dataDir.startsWith("memory://") || !existsSync(join(dataDir, "PG_VERSION"));

/**
 * Opens `dataDir`; a fresh one starts as a copy of the template when there is
 * one. `fromTemplate` says so; `saveTemplate` (call after migrating a cluster
 * that did not come from the template) stores it for the next fresh start.
 */
export async function openPglite(dataDir: string) {
  const fresh = isFresh(dataDir);
  const path = enabled() && fresh ? templatePath() : undefined;
  const template = path && existsSync(path) ? readFileSync(path) : undefined;
  // pg_trgm (trigram GIN indexes on text columns, migration 0015) ships with PGlite as a contrib module.
  const extensions = { pg_trgm };
  const client = template
    ? await PGlite.create(dataDir, { loadDataDir: new Blob([template]), extensions })
    : await PGlite.create(dataDir, { extensions });
  return {
    client,
    fromTemplate: template !== undefined,
    async saveTemplate() {
      if (!path || template || existsSync(path)) return;
      try {
        await client.exec("CHECKPOINT");
        const tar = Buffer.from(await (await client.dumpDataDir("gzip")).arrayBuffer());
        mkdirSync(dirname(path), { recursive: true });
        const tmp = `${path}.${process.pid}.tmp`;
        writeFileSync(tmp, tar);
        renameSync(tmp, path);
      } catch {
        // Only a speed-up: a cluster that cannot be saved starts the slow way next time.
      }
    },
  };
}
