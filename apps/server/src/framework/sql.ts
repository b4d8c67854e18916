import { type SQL, sql } from "drizzle-orm";

/** A quoted identifier. Identifiers only ever come from declarations, never from input. */
export const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);
/** `alias.column` */
export const col = (alias: string, column: string) => sql.raw(`"${alias}"."${column.replace(/"/g, '""')}"`);
export const list = (items: SQL[], sep = ", ") => sql.join(items, sql.raw(sep));
export const values = (vs: unknown[]) => list(vs.map((v) => sql`${v}`));
/**
 * `= ANY($1::int[])`: membership in a list of ids as one parameter — the same
 * statement text for 1 or 10,000 ids (one prepared statement, no 10,000-parameter build).
 */
export const anyId = (ids: number[]) => sql`= ANY(${sql.param(ids)}::int[])`;
/** `%` and `_` in user input match themselves in LIKE patterns. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

let aliasCounter = 0;
/** Fresh table alias for correlated subqueries. */
export const alias = (prefix: string) => `${prefix}${++aliasCounter}`;
/**
 * Restarts alias numbering before a statement is built (synchronously), so the
 * same request shape always yields the same SQL text: postgres.js then reuses
 * its prepared statement instead of preparing (and caching) a new one per request.
 */
export const resetAliases = () => {
  aliasCounter = 0;
};
