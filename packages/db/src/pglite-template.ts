import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { migrationsKey } from "./migrations-key";
import { extractTar, withoutEntries } from "./tar";

/**
 * A new PGlite cluster costs an `initdb` in WebAssembly plus every migration —
 * seconds, paid by every fresh data directory (first start, every test server).
 * Restoring a tarball of an empty, migrated cluster costs a fraction of that.
 * The template is keyed by the migrations and the PGlite build, so a new
 * migration or PGlite version makes a new one; it is written once, by the first
 * process that migrates a fresh cluster, atomically (write + rename).
 * `RACKPLANE_PGLITE_TEMPLATE=0` turns it off; `RACKPLANE_PGLITE_TEMPLATE_DIR` moves it.
 *
 * What a restore costs is mostly writing the files: the template leaves out the WAL
 * segments PostgreSQL only preallocated (16 MB each, never needed to start), and a
 * data directory on disk is written by Node directly instead of through PGlite's
 * `loadDataDir` (web-stream gunzip, then every file through the WebAssembly file
 * system: measured 0.5-0.7 s more per fresh cluster).
 */
const here = dirname(fileURLToPath(import.meta.url));

const enabled = () => process.env.RACKPLANE_PGLITE_TEMPLATE !== "0";
const templateDir = () =>
  process.env.RACKPLANE_PGLITE_TEMPLATE_DIR || resolve(here, "../node_modules/.cache/rackplane");

/** Bumped when what a template holds changes, so an older one in the cache is not used. */
const FORMAT = "2: no preallocated WAL";
let key: string | undefined;
/** Hash of every migration file, of the PGlite build in use and of the template format. */
function templateKey(): string {
  key ??= migrationsKey(`${createRequire(import.meta.url).resolve("@electric-sql/pglite")}\0${FORMAT}`);
  return key;
}

export const templatePath = () => join(templateDir(), `pglite-${templateKey()}.tar.gz`);

const inMemory = (dataDir: string) => dataDir.startsWith("memory://");
/** The file that marks an initialised data directory: restored last, so a half-restored one is still fresh. */
const MARKER = "PG_VERSION";
/** A data directory PostgreSQL has never initialised (or an in-memory one). */
const isFresh = (dataDir: string) => inMemory(dataDir) || !existsSync(join(dataDir, MARKER));
/** WAL segment files (`pg_wal/<timeline><log><segment>`, 24 hex digits). */
const WAL_SEGMENT = /^pg_wal\/([0-9A-F]{24})$/;

/** A fresh cluster from the template's (uncompressed) archive. */
async function restore(dataDir: string, tar: Buffer, extensions: { pg_trgm: typeof pg_trgm }) {
  if (inMemory(dataDir)) {
    // No directory to write to: PGlite loads it (the type says it is not compressed).
    return PGlite.create(dataDir, { loadDataDir: new Blob([tar], { type: "application/x-tar" }), extensions });
  }
  extractTar(tar, dataDir, MARKER);
  return PGlite.create(dataDir, { extensions });
}

/**
 * Opens `dataDir`; a fresh one starts as a copy of the template when there is
 * one. `fromTemplate` says so; `saveTemplate` (call after migrating a cluster
 * that did not come from the template) stores it for the next fresh start.
 */
export async function openPglite(dataDir: string) {
  const fresh = isFresh(dataDir);
  const path = enabled() && fresh ? templatePath() : undefined;
  const template = path && existsSync(path) ? await promisify(gunzip)(readFileSync(path)) : undefined;
  // pg_trgm (trigram GIN indexes on text columns, migration 0015) ships with PGlite as a contrib module.
  const extensions = { pg_trgm };
  const client = template ? await restore(dataDir, template, extensions) : await PGlite.create(dataDir, { extensions });
  return {
    client,
    fromTemplate: template !== undefined,
    async saveTemplate() {
      if (!path || template || existsSync(path)) return;
      try {
        await client.exec("CHECKPOINT");
        const tar = await templateOf(client);
        mkdirSync(dirname(path), { recursive: true });
        const tmp = `${path}.${process.pid}.tmp`;
        writeFileSync(tmp, await promisify(gzip)(tar));
        renameSync(tmp, path);
      } catch {
        // Only a speed-up: a cluster that cannot be saved starts the slow way next time.
      }
    },
  };
}

/**
 * The cluster's data directory as an archive, without the WAL segments after the one
 * being written: PostgreSQL preallocates (recycles) those for later and creates them
 * again when it needs them, so a restored cluster starts the same without them.
 */
async function templateOf(client: PGlite): Promise<Buffer> {
  const { rows } = await client.query<{ segment: string }>(
    "SELECT pg_walfile_name(pg_current_wal_insert_lsn()) AS segment",
  );
  const current = rows[0]!.segment;
  const tar = new Uint8Array(await (await client.dumpDataDir("none")).arrayBuffer());
  return withoutEntries(tar, (name) => {
    const segment = WAL_SEGMENT.exec(name)?.[1];
    return segment !== undefined && segment > current;
  });
}
