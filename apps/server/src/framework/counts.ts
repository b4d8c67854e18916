import { type Database, queryCounter, rowsOf } from "@rackplane/db";
import { type SQL, sql } from "drizzle-orm";
import type { Binding } from "./binding";
import { ident, list } from "./sql";

/** Delta rows of one table beyond which a read folds them into one (a cheap sum stays cheap). */
const FOLD_ABOVE = 64;

/**
 * The exact number of rows matching `conds`, in one statement. An unfiltered
 * count of a counted table is the sum of its maintained deltas (migration 0011)
 * instead of a scan of every row — what makes `count` on a large table cost the
 * same as on a small one. Filtered counts, and tables without deltas (views),
 * count the rows; for those the scan is a lazily evaluated sub-plan of the same statement.
 */
export async function countOf(db: Database, b: Binding, a: string, conds: SQL[]): Promise<number> {
  const table = sql`${ident(b.tableName)} ${ident(a)}`;
  if (conds.length) {
    const res = await db.execute(sql`SELECT count(*)::int AS n FROM ${table} WHERE ${list(conds, " AND ")}`);
    return Number(rowsOf<{ n: number }>(res)[0]?.n ?? 0);
  }
  const [row] = rowsOf<{ n: string | number; parts: number }>(
    await db.execute(
      sql`SELECT coalesce(d.n, (SELECT count(*) FROM ${table})) AS n, d.parts
          FROM (SELECT sum(delta) AS n, count(*)::int AS parts FROM row_count_deltas WHERE table_name = ${b.tableName}) d`,
    ),
  );
  if (row && row.parts > FOLD_ABOVE) fold(db, b.tableName);
  return Number(row?.n ?? 0);
}

/**
 * Replaces a table's delta rows by their sum, outside the request (not counted
 * against its statement budget, never failing it). Safe with concurrent writers
 * and folders: a DELETE only takes committed rows, and their sum goes back as one row.
 */
function fold(db: Database, table: string): void {
  queryCounter.exit(() => {
    db.execute(
      sql`WITH gone AS (DELETE FROM row_count_deltas WHERE table_name = ${table} RETURNING delta)
          INSERT INTO row_count_deltas (table_name, delta) SELECT ${table}, coalesce(sum(delta), 0) FROM gone`,
    ).catch(() => {}); // best effort: the next read folds again
  });
}
