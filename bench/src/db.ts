import { type DatabaseHandle, openDatabase } from "@rackplane/db";
import postgres from "postgres";

export type Backend = DatabaseHandle["backend"];
export const BACKENDS: readonly Backend[] = ["postgresql", "pglite"];
export type Row = Record<string, any>;

/** The least the seed and the floor need: one parameterized statement ($1, $2, …) → rows. */
export interface Query {
  query<T = Row>(text: string, params?: unknown[]): Promise<T[]>;
}
export interface Db extends Query {
  backend: Backend;
  /** Runs `fn` in one transaction (committed when it resolves). */
  begin<T>(fn: (tx: Query) => Promise<T>): Promise<T>;
  end(): Promise<void>;
}

/** Where a database lives: a postgres:// URL, or a PGlite data directory. */
export type Target = { url: string } | { dataDir: string };

/**
 * One hand-written SQL text for both databases: postgres.js (prepared, as its
 * tagged templates are) or PGlite in this process, opened through `openDatabase`
 * like the server opens it.
 */
export async function openDb(target: Target, poolSize = 10): Promise<Db> {
  if ("url" in target) {
    const sql = postgres(target.url, { max: poolSize, onnotice: () => {} });
    const on =
      (s: postgres.Sql | postgres.TransactionSql): Query["query"] =>
      async (text, params = []) =>
        (await s.unsafe(text, params as never[], { prepare: true })) as never;
    return {
      backend: "postgresql",
      query: on(sql),
      begin: async (fn) => (await sql.begin((tx) => fn({ query: on(tx) }))) as never,
      end: () => sql.end(),
    };
  }
  const handle = await openDatabase({ dataDir: target.dataDir });
  const pg = handle.connection.pglite!;
  type Tx = Parameters<Parameters<typeof pg.transaction>[0]>[0];
  const on =
    (s: typeof pg | Tx): Query["query"] =>
    async <T>(text: string, params: unknown[] = []) =>
      (await s.query<T>(text, params)).rows;
  return {
    backend: "pglite",
    query: on(pg),
    begin: (fn) => pg.transaction((tx) => fn({ query: on(tx) })),
    end: () => handle.close(),
  };
}
