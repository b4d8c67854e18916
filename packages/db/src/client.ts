import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { migrationsFolder } from "./migrations-key";
import { openPglite } from "./pglite-template";
import { countingLogger } from "./query-counter";
import { rowsOf } from "./rows-of";

export type Database = PgDatabase<PgQueryResultHKT>;
export type Backend = "pglite" | "postgresql";

export { migrationsFolder } from "./migrations-key";

export interface DatabaseHandle {
  db: Database;
  backend: Backend;
  /** How to reach the same database from another client (the job queue): URL or the PGlite instance. */
  connection: { url?: string; pglite?: PGlite };
  migrate(): Promise<void>;
  migrationLevel(): Promise<{ migration: string | null; applied: number }>;
  serverVersion(): Promise<string>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL; when absent, embedded PGlite is used. */
  url?: string;
  /** PGlite data directory; `memory://` keeps it in memory. */
  dataDir?: string;
  /** postgres.js pool size. */
  poolSize?: number;
  /**
   * PostgreSQL: longest a statement may run (ms; 0 or absent = no limit), set on every
   * pooled connection, so a costly request is cancelled by the server (SQLSTATE 57014)
   * instead of holding a connection. Migrations run on a connection of their own without
   * it (an index build may take longer). PGlite has no timer signals in WebAssembly, so
   * PostgreSQL's `statement_timeout` never fires there: it is not applied.
   */
  statementTimeoutMs?: number;
  /**
   * `transaction`: `url` is a transaction-pooling PgBouncer (or alike). A server
   * connection then serves a different client at every transaction, so nothing may
   * outlive one: no named prepared statements (the protocol's unnamed ones are fine), and
   * no startup parameters — PgBouncer refuses `jit` and `statement_timeout` there, so
   * set them on the role instead (`ALTER ROLE … SET jit = off`; see `sessionSettings`).
   */
  pooler?: "transaction";
}

/** The session settings every PostgreSQL connection should have, as SQL values. */
export function sessionSettings(statementTimeoutMs: number): Record<string, string> {
  // JIT pays off for long analytic scans, not for an API's short statements: the
  // generated statements (a select list of correlated subqueries, a scope's rules)
  // look costly to the planner, and compiling them took minutes on PostgreSQL 15.
  return { jit: "off", ...(statementTimeoutMs > 0 ? { statement_timeout: String(statementTimeoutMs) } : {}) };
}

/** The one client factory: embedded PGlite by default, PostgreSQL when a URL is given. */
export async function openDatabase(opts: DatabaseOptions = {}): Promise<DatabaseHandle> {
  if (opts.url) {
    const url = opts.url;
    const timeout = opts.statementTimeoutMs ?? 0;
    const pooled = opts.pooler === "transaction";
    const client = postgres(url, {
      max: opts.poolSize ?? 10,
      onnotice: () => {},
      connect_timeout: 10,
      ...(pooled ? { prepare: false } : { connection: sessionSettings(timeout) }),
    });
    const db = drizzlePostgres(pooled ? client : preparing(client), {
      logger: countingLogger,
    }) as unknown as Database;
    const migrate = async () => {
      // Migrations run unprepared: a migration's statements are run once, and may be several in one string.
      if (timeout <= 0) return migratePostgres(drizzlePostgres(client) as never, { migrationsFolder });
      const own = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10, prepare: !pooled });
      try {
        await migratePostgres(drizzlePostgres(own) as never, { migrationsFolder });
      } finally {
        await own.end({ timeout: 5 });
      }
    };
    return handle(db, "postgresql", { url }, migrate, () => client.end({ timeout: 5 }));
  }
  const dataDir = opts.dataDir ?? "./.rackplane/data";
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const cluster = await openPglite(dataDir);
  const client = cluster.client;
  const db = drizzlePglite(client, { logger: countingLogger }) as unknown as Database;
  return handle(
    db,
    "pglite",
    { pglite: client },
    async () => {
      await migratePglite(db as never, { migrationsFolder });
      await cluster.saveTemplate();
    },
    () => client.close(),
  );
}

/**
 * Drizzle sends `db.execute` statements unprepared, so PostgreSQL parses and
 * plans every list and detail query on every request (measured: 2-3x the
 * statement time of a prepared one). The server builds the same SQL text for
 * the same request shape, so named prepared statements are reused per
 * connection. Transactions (`begin`) keep drizzle's default.
 */
function preparing(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, key, receiver) {
      if (key !== "unsafe") return Reflect.get(target, key, receiver);
      // `simple: false`: postgres.js sends a statement without parameters (a default page with
      // its LIMIT written in, an unfiltered count) as a simple query, which PostgreSQL parses
      // and plans on every execution; prepared, it keeps its plan per connection.
      // (`simple` is a postgres.js query option its types do not declare.)
      return (query: string, params?: unknown[], options?: object) => {
        const prepared: postgres.UnsafeQueryOptions & { simple?: boolean } = {
          simple: false,
          ...options,
          prepare: true,
        };
        return target.unsafe(query, params as never, prepared);
      };
    },
  });
}

function handle(
  db: Database,
  backend: Backend,
  connection: DatabaseHandle["connection"],
  migrate: () => Promise<void>,
  close: () => Promise<void>,
): DatabaseHandle {
  return {
    db,
    backend,
    connection,
    migrate,
    close,
    async serverVersion() {
      const rows = await db.execute(sql`select current_setting('server_version') as v`);
      return String(rowsOf<{ v: string }>(rows)[0]?.v ?? "");
    },
    async migrationLevel() {
      const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta/_journal.json"), "utf8")) as {
        entries: { idx: number; tag: string }[];
      };
      const rows = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      const applied = Number(rowsOf<{ n: number }>(rows)[0]?.n ?? 0);
      return { migration: journal.entries[applied - 1]?.tag ?? null, applied };
    },
  };
}
