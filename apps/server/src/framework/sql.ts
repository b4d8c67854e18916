import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@rackplane/contract";
import { fillPlaceholders, Param, SQL, StringChunk, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";

/** A quoted identifier. Identifiers only ever come from declarations, never from input. */
export const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);
/** `alias.column` */
export const col = (alias: string, column: string) => sql.raw(`"${alias}"."${column.replace(/"/g, '""')}"`);
/** A string literal from a declaration (never from input), inlined so the fragment stays parameterless. */
export const literal = (value: string) => sql.raw(`'${value.replace(/'/g, "''")}'`);
export const list = (items: SQL[], sep = ", ") => sql.join(items, sql.raw(sep));
export const values = (vs: unknown[]) => list(vs.map((v) => sql`${v}`));
/**
 * `= ANY($1::int[])`: membership in a list of ids as one parameter — the same
 * statement text for 2 or 10,000 ids (one prepared statement, no 10,000-parameter build).
 * One id is `= $1::int`: PostgreSQL then settles on the prepared statement's generic plan
 * after its first executions. For `= ANY($1)` the generic plan guesses many ids, costs more
 * than a custom one, so every execution of a detail was planned anew — its dozen nested
 * subqueries made planning ≈ 0.5 ms of PostgreSQL CPU per request, several times the execution.
 */
export const anyId = (ids: number[]) => idMatch(ids.length === 1, ids.length === 1 ? ids[0] : ids);
/** `anyId`'s condition for one id or several, whose value (or `sql.placeholder`) is bound by the caller. */
export const idMatch = (one: boolean, value: unknown) =>
  one ? sql`= ${sql.param(value)}::int` : sql`= ANY(${sql.param(value)}::int[])`;
/**
 * Page sizes written into the statement as literals; any other is a parameter. With
 * `LIMIT $1` PostgreSQL's generic plan guesses a tenth of the table, costs more than a custom
 * plan for 50 rows, and so every execution is planned anew (≈ 0.7 ms of a page's 2–3 ms with a
 * dozen nested subqueries). A literal lets the prepared statement keep its plan. Only the
 * default and the maximum page (and one more row, for keyset pages) are literals, so the
 * statements each connection prepares stay few whatever sizes clients ask for.
 * `planPerValue`: the statement's other parameters decide its best plan (a search pattern: a
 * trigram bitmap for a rare one; walking the ordering index for a common one), so PostgreSQL
 * must keep planning it with their values — the parameter LIMIT makes sure it does.
 */
const LITERAL_LIMITS = new Set([DEFAULT_PAGE_SIZE, DEFAULT_PAGE_SIZE + 1, MAX_PAGE_SIZE, MAX_PAGE_SIZE + 1]);
export const limitOf = (n: number, planPerValue = false) =>
  !planPerValue && Number.isSafeInteger(n) && LITERAL_LIMITS.has(n) ? sql.raw(`LIMIT ${n}`) : sql`LIMIT ${n}`;
/** `%` and `_` in user input match themselves in LIKE patterns. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

let aliasCounter = 0;
let aliasSpace = "";
/** Fresh table alias for correlated subqueries. */
export const alias = (prefix: string) => `${aliasSpace}${prefix}${++aliasCounter}`;

/**
 * Builds a fragment with aliases of its own (`<space>n1`, …), numbered from 1
 * whatever was built before — for fragments rendered once and reused in many
 * statements, whose aliases must not collide with the per-request ones.
 */
export function inAliasSpace<T>(space: string, build: () => T): T {
  const saved = [aliasSpace, aliasCounter] as const;
  aliasSpace = space;
  aliasCounter = 0;
  try {
    return build();
  } finally {
    [aliasSpace, aliasCounter] = saved;
  }
}

const dialect = new PgDialect();
/**
 * A parameterless fragment as one raw chunk: the SQL builder walks one string
 * per statement instead of the hundreds of nested chunks the fragment was built
 * from (which was most of a list request's CPU). Fragments with parameters are returned as they are.
 */
export function prerendered(fragment: SQL): SQL {
  const q = dialect.sqlToQuery(fragment);
  return q.params.length ? fragment : sql.raw(q.sql);
}

/** A statement rendered once, whose `sql.placeholder`s are bound per execution. */
export interface Compiled {
  bind(values: Record<string, unknown>): SQL;
}

/**
 * Renders a whole statement once: binding it builds a flat statement of its text and
 * parameters, instead of walking the dozens of nested fragments it was built from on every
 * execution (≈ 15 µs of a detail's CPU). For statements of one shape per key (the caller's
 * scope key, the field choice): only placeholders may differ between executions.
 */
export function compiled(statement: SQL): Compiled {
  const q = dialect.sqlToQuery(statement);
  const pieces = q.sql.split(/\$(\d+)/); // text, "1", text, "2", …, text
  const texts = pieces.filter((_, i) => i % 2 === 0);
  const numbers = pieces.filter((_, i) => i % 2 === 1).map(Number);
  // A `$n` inside a literal would be taken for a parameter: refuse rather than mis-bind.
  if (numbers.length !== q.params.length || numbers.some((n, i) => n !== i + 1))
    throw new Error(`compiled: the statement's text does not hold its ${q.params.length} parameters in order`);
  return {
    bind(values) {
      const params = fillPlaceholders(q.params, values);
      const chunks: (StringChunk | Param)[] = [new StringChunk(texts[0]!)];
      for (let i = 0; i < params.length; i++) chunks.push(new Param(params[i]), new StringChunk(texts[i + 1]!));
      return new SQL(chunks);
    },
  };
}
/**
 * Restarts alias numbering before a statement is built (synchronously), so the
 * same request shape always yields the same SQL text: postgres.js then reuses
 * its prepared statement instead of preparing (and caching) a new one per request.
 */
export const resetAliases = () => {
  aliasCounter = 0;
};
