import { type Database, rowsOf } from "@rackplane/db";
import { type SQL, sql } from "drizzle-orm";
import type { Binding } from "./binding";
import type { RequestContext } from "./context";
import { countOf } from "./counts";
import { badRequest } from "./errors";
import { orderBy, type ValueFilter } from "./filters";
import { keysetOf } from "./keyset";
import { links, type Window } from "./pagination";
import { fieldSelection, present, selectList } from "./read";
import { renderedRows, renderedSelect } from "./render";
import { type Scope, scoped } from "./scope";
import { col, ident, limitOf, list } from "./sql";

const where = (conds: SQL[]) => (conds.length ? sql`WHERE ${list(conds, " AND ")}` : sql``);

/**
 * One page of a list and its exact count: two statements whatever the page size
 * or depth. Three page shapes:
 * - first page: the page's rows straight from the ordered (indexed) scan;
 * - `offset` > 0: the window is chosen on ids only and the representation built
 *   for those rows alone — building nested JSON for the skipped rows is what
 *   makes deep OFFSET pages slow;
 * - `cursor`: keyset — the rows after the cursor, same cost at any depth.
 */
export async function listPage(
  db: Database,
  b: Binding,
  a: string,
  conds: SQL[],
  w: Window,
  query: Record<string, unknown>,
  ctx: RequestContext,
  /** Whose rows: `conds` already hold the scope's condition on `b`; nested reads add theirs. */
  scope: Scope,
  /** The only condition, when it is a choice-field filter (see `whereOf`). */
  valueFilter?: ValueFilter,
  /** The only condition, when it is one `?tag=` slug (see `whereOf`). */
  tagFilter?: string,
) {
  const brief = query.brief === true;
  const only = fieldSelection(b.resource, query);
  const ordering = query.ordering as string[] | undefined;
  const from = sql`FROM ${ident(b.tableName)} ${ident(a)}`;
  const order = orderBy(b, a, ordering, scope);
  // The rows' final JSON written by PostgreSQL where it can be (render.ts), else presented here.
  const rendered = renderedSelect(b, a, brief, only, scope);
  const select = rendered ?? selectList(b, a, brief, only, scope);
  const resultsOf = (rows: Record<string, unknown>[]) =>
    rendered ? renderedRows(rows, ctx.baseUrl) : rows.map((r) => present(b.resource, r, ctx, brief, only));
  // A cached plan for the hot pages only: unfiltered, or one choice field's values (as evenly
  // served by its index whatever the value). Searches, text lookups, relations and visibility
  // rules are planned with their values (generic plans scanned 100k rows for a rare search).
  const planPerValue = conds.length > 0 && valueFilter === undefined;
  const limit = w.limit === null ? sql`` : limitOf(w.limit, planPerValue);
  const cursor = query.cursor as string | undefined;

  if (cursor !== undefined) {
    if (w.pageStyle || w.offset > 0)
      throw badRequest({ cursor: ["Cannot be combined with offset, page or page_size."] });
    const ks = keysetOf(b, a, ordering, cursor, scope);
    const after = ks.after ? [...conds, ks.after] : conds;
    const more = w.limit === null ? sql`` : limitOf(w.limit + 1, planPerValue);
    const [count, rowsRes] = await Promise.all([
      countOf(db, b, a, conds, scope, valueFilter, tagFilter),
      db.execute(scoped(scope, sql`SELECT ${select}, ${ks.select} ${from} ${where(after)} ORDER BY ${order} ${more}`)),
    ]);
    const rows = rowsOf<Record<string, unknown>>(rowsRes);
    const hasMore = w.limit !== null && rows.length > w.limit;
    if (hasMore) rows.length = w.limit!;
    const last = rows[rows.length - 1];
    return {
      count,
      next: hasMore && last ? cursorLink(ctx, w.limit!, ks.encode(last)) : null,
      previous: null,
      results: resultsOf(rows),
    };
  }

  const page =
    w.offset > 0
      ? sql`SELECT ${select} ${from} WHERE ${col(a, "id")} IN (
          SELECT ${col(a, "id")} ${from} ${where(conds)} ORDER BY ${order} ${limit} OFFSET ${w.offset}
        ) ORDER BY ${order}`
      : sql`SELECT ${select} ${from} ${where(conds)} ORDER BY ${order} ${limit}`;
  const [count, rowsRes] = await Promise.all([
    countOf(db, b, a, conds, scope, valueFilter, tagFilter),
    db.execute(scoped(scope, page)),
  ]);
  return { count, ...links(ctx, w, count), results: resultsOf(rowsOf<Record<string, unknown>>(rowsRes)) };
}

/** The same request, continuing after `cursor`. */
function cursorLink(ctx: RequestContext, limit: number, cursor: string): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(ctx.query)) {
    if (["cursor", "limit", "offset", "page", "page_size"].includes(k)) continue;
    for (const x of Array.isArray(v) ? v : [v]) params.append(k, String(x));
  }
  params.set("limit", String(limit));
  params.set("cursor", cursor);
  return `${ctx.baseUrl}${ctx.path}?${params.toString()}`;
}
