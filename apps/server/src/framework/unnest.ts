import { setImmediate as nextTurn } from "node:timers/promises";
import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { ident, list } from "./sql";

/**
 * Many rows as one `SELECT … FROM unnest(…)`: one text-array parameter per
 * column, whatever the number of rows. Building a 10,000-row VALUES list costs
 * 100,000 bound parameters and most of a bulk request's CPU in the SQL builder;
 * this costs one array per column, and PostgreSQL casts each text back to the
 * column's type with the type's own input function.
 */
export interface UnnestColumn {
  name: string;
  /** SQL type the text is cast to, e.g. `integer`, `jsonb`, `varchar(100)`. */
  type: string;
}

export function unnestSelect(columns: UnnestColumn[], rows: unknown[][]): SQL {
  const params = columns.map((c, i) => {
    const json = c.type === "jsonb" || c.type === "json";
    return sql`${sql.param(rows.map((r) => asText(r[i], json)))}::text[]`;
  });
  const names = columns.map((_, i) => ident(`c${i}`));
  const casts = columns.map((c, i) => sql`${names[i]!}::${sql.raw(c.type)} AS ${ident(c.name)}`);
  return sql`SELECT ${list(casts)} FROM unnest(${list(params)}) AS u(${list(names)})`;
}

/** The text form PostgreSQL's input functions read back (SQL NULL stays null). */
export function asText(v: unknown, json: boolean): string | null {
  if (v === null || v === undefined) return null;
  if (json) return JSON.stringify(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** A column's SQL type as a cast target (`serial` columns hold integers). */
export const castTypeOf = (c: PgColumn) =>
  c
    .getSQLType()
    .replace(/^serial$/, "integer")
    .replace(/^bigserial$/, "bigint");

const typesByTable = new WeakMap<PgTable, Map<string, string>>();
/** The columns of a table with their SQL types, by column name — worked out once per table. */
export function columnTypes(table: PgTable): Map<string, string> {
  let out = typesByTable.get(table);
  if (!out) {
    out = new Map(Object.values(getTableColumns(table)).map((c) => [c.name, castTypeOf(c as PgColumn)]));
    typesByTable.set(table, out);
  }
  return out;
}

/** Rows per statement of a bulk write (insert, read-back, change log): parameters are one array per column, so memory and the length of one statement bound it. */
export const ROWS_PER_STATEMENT = 5000;

/**
 * Before each statement of a chunked write but the first (`i`: the chunk's first row), a
 * turn of the event loop. PGlite runs a statement in this thread and settles it as a
 * microtask, so back-to-back statements would hold the loop for all of them — a 20,000-item
 * bulk create answered no other request during its 7.5 s of change-log inserts. PostgreSQL's
 * round trips yield anyway; a turn costs microseconds.
 */
export const betweenChunks = (i: number): Promise<void> | undefined => (i ? nextTurn() : undefined);
