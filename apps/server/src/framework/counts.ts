import { type Database, rowsOf } from "@rackplane/db";
import { type SQL, sql } from "drizzle-orm";
import type { Binding } from "./binding";
import { ident, list } from "./sql";

/** The exact number of rows matching `conds`. */
export async function countOf(db: Database, b: Binding, a: string, conds: SQL[]): Promise<number> {
  const where = conds.length ? sql`WHERE ${list(conds, " AND ")}` : sql``;
  const res = await db.execute(sql`SELECT count(*)::int AS n FROM ${ident(b.tableName)} ${ident(a)} ${where}`);
  return Number(rowsOf<{ n: number }>(res)[0]?.n ?? 0);
}
