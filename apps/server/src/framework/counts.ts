import { type Database, queryCounter, rowsOf } from "@rackplane/db";
import { type SQL, sql } from "drizzle-orm";
import type { Binding } from "./binding";
import type { ValueFilter } from "./filters";
import { type Scope, scoped } from "./scope";
import { ident, list } from "./sql";

/** Delta rows of one table beyond which a read folds them into one (a cheap sum stays cheap). */
const FOLD_ABOVE = 64;

/**
 * The exact number of rows matching `conds`, in one statement. Where a count is
 * maintained (migrations 0011, 0012) it is the sum of a few delta rows instead of
 * a scan of every matching row — what makes `count` on a large table cost the
 * same as on a small one:
 * - no condition: the table's total;
 * - the only condition is exact values of a counted column (`valueFilter`, e.g.
 *   `?status=in_use`): the per-value counts.
 * Otherwise, and for tables without deltas (views), the rows are counted; for
 * those the scan is a lazily evaluated sub-plan of the same statement.
 */
export async function countOf(
  db: Database,
  b: Binding,
  a: string,
  conds: SQL[],
  scope: Scope,
  valueFilter?: ValueFilter,
): Promise<number> {
  const table = sql`${ident(b.tableName)} ${ident(a)}`;
  const scan = sql`SELECT count(*) FROM ${table} ${conds.length ? sql`WHERE ${list(conds, " AND ")}` : sql``}`;
  let key: string;
  let maintained: SQL;
  if (conds.length === 0) {
    key = b.tableName;
    maintained = sql`SELECT sum(delta) AS n, count(*)::int AS parts FROM row_count_deltas WHERE table_name = ${key}`;
  } else if (valueFilter) {
    key = `${b.tableName}.${valueFilter.column}`;
    // The value-NULL marker row says the column is counted; without it, scan.
    maintained = sql`SELECT CASE WHEN bool_or(value IS NULL)
        THEN coalesce(sum(delta) FILTER (WHERE value = ANY(${sql.param(valueFilter.values)}::text[])), 0) END AS n,
        count(*)::int AS parts
      FROM row_count_deltas WHERE table_name = ${key}`;
  } else {
    const res = await db.execute(scoped(scope, scan));
    return Number(rowsOf<{ count: number | string }>(res)[0]?.count ?? 0);
  }
  const [row] = rowsOf<{ n: string | number; parts: number }>(
    await db.execute(scoped(scope, sql`SELECT coalesce(d.n, (${scan})) AS n, d.parts FROM (${maintained}) d`)),
  );
  if (row && row.parts > FOLD_ABOVE) fold(db, key);
  return Number(row?.n ?? 0);
}

/**
 * Replaces a count's delta rows by their sum per value, outside the request (not counted
 * against its statement budget, never failing it). Safe with concurrent writers
 * and folders: a DELETE only takes committed rows, and their sum goes back as one row.
 */
function fold(db: Database, key: string): void {
  queryCounter.exit(() => {
    db.execute(
      sql`WITH gone AS (DELETE FROM row_count_deltas WHERE table_name = ${key} RETURNING value, delta)
          INSERT INTO row_count_deltas (table_name, value, delta)
          SELECT ${key}, value, sum(delta) FROM gone GROUP BY value`,
    ).catch(() => {}); // best effort: the next read folds again
  });
}
