import type { RelationFieldDef } from "@rackplane/contract";
import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { type Binding, bindingOf, targetKey } from "./binding";
import { badRequest } from "./errors";
import { orderExpression } from "./filters";
import type { Scope } from "./scope";
import { ident, list } from "./sql";
import { castTypeOf } from "./unnest";

/**
 * Keyset (cursor) pagination: the cursor carries the ordering values of the last
 * row of a page, and the next page is "rows after those values" in the same
 * order. Unlike OFFSET it costs the same at any depth (an index range scan) and
 * neither skips nor repeats rows when rows are inserted or deleted meanwhile.
 */
interface Key {
  item: string;
  desc: boolean;
  expr: SQL;
  /** SQL type the cursor's text value is cast back to. */
  type: string;
  nullable: boolean;
}

const columnOf = (b: Binding, field: string): PgColumn | undefined => {
  const name = b.columns.get(field);
  return Object.values(getTableColumns(b.table)).find((c) => c.name === name) as PgColumn | undefined;
};

function keysOf(b: Binding, a: string, ordering: string[] | undefined, scope: Scope): Key[] {
  const items = ordering?.length ? [...ordering] : [...b.resource.defaultOrdering];
  if (!items.some((i) => i.replace(/^-/, "") === "id")) items.push("id");
  return items.map((item) => {
    const desc = item.startsWith("-");
    const name = desc ? item.slice(1) : item;
    const [head, by] = name.split("__") as [string, string | undefined];
    const fd = b.resource.fields[head]!;
    let type = "integer";
    let nullable = false;
    if (fd.kind === "fk" && by) {
      const c = columnOf(bindingOf(targetKey(b.resource, (fd as RelationFieldDef).target)), by)!;
      type = c.getSQLType();
      nullable = true; // no related object → NULL
    } else if (fd.kind !== "count") {
      const c = columnOf(b, head)!;
      type = castTypeOf(c);
      nullable = !c.notNull;
    }
    return { item, desc, expr: orderExpression(b, a, name, scope), type, nullable };
  });
}

export interface Keyset {
  /** Rows after the cursor (absent on the first page). */
  after?: SQL;
  /** `(expr)::text AS "_k0", …`, selected so the last row can become the next cursor. */
  select: SQL;
  encode(row: Record<string, unknown>): string;
}

/** `cursor` is "" for the first page, else a value from a `next` link. */
export function keysetOf(b: Binding, a: string, ordering: string[] | undefined, cursor: string, scope: Scope): Keyset {
  const keys = keysOf(b, a, ordering, scope);
  const order = keys.map((k) => k.item).join(",");
  const select = list(keys.map((k, i) => sql`(${k.expr})::text AS ${ident(`_k${i}`)}`));
  const encode = (row: Record<string, unknown>) =>
    Buffer.from(JSON.stringify({ o: order, v: keys.map((_, i) => row[`_k${i}`] ?? null) })).toString("base64url");
  if (cursor === "") return { select, encode };
  let values: (string | null)[];
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { o: string; v: (string | null)[] };
    if (parsed.o !== order || !Array.isArray(parsed.v) || parsed.v.length !== keys.length) throw new Error();
    if (parsed.v.some((v) => v !== null && typeof v !== "string")) throw new Error();
    values = parsed.v;
  } catch {
    throw badRequest({ cursor: ["Invalid cursor: use the next link of a page with the same ordering."] });
  }
  // Each value must read as its key's type: a driver refusing it (PGlite serialises
  // booleans and numbers itself) must not be a 500, nor `'yesterday'::timestamptz` a page.
  for (const [i, k] of keys.entries()) {
    const v = values[i] ?? null;
    if (v === null && !k.nullable)
      throw badRequest({ cursor: [`Invalid cursor: ordering field ${k.item.replace(/^-/, "")} is never null.`] });
    if (v !== null && !readsAs(k.type, v))
      throw badRequest({
        cursor: [
          `Invalid cursor: ${JSON.stringify(v.slice(0, 40))} is not a ${k.type.replace(/ ?\(\d+\)/, "")} value for ordering field ${k.item.replace(/^-/, "")}.`,
        ],
      });
  }
  const val = (i: number) => sql`${values[i]}::${sql.raw(keys[i]!.type)}`;
  const eq = (k: Key, i: number) => (values[i] === null ? sql`${k.expr} IS NULL` : sql`${k.expr} = ${val(i)}`);
  // ASC puts NULLs last, DESC first (PostgreSQL defaults, as `orderBy` uses).
  const later = (k: Key, i: number): SQL | null => {
    if (values[i] === null) return k.desc ? sql`${k.expr} IS NOT NULL` : null;
    const cmp = k.desc ? sql`${k.expr} < ${val(i)}` : sql`${k.expr} > ${val(i)}`;
    return k.nullable && !k.desc ? sql`(${cmp} OR ${k.expr} IS NULL)` : cmp;
  };
  const ors: SQL[] = [];
  for (const [i, k] of keys.entries()) {
    const l = later(k, i);
    if (!l) continue;
    ors.push(list([...keys.slice(0, i).map(eq), l], " AND "));
  }
  let after = ors.length
    ? sql`(${list(
        ors.map((o) => sql`(${o})`),
        " OR ",
      )})`
    : sql`false`;
  // A redundant range on the leading key lets PostgreSQL start an index scan at the cursor.
  const first = keys[0]!;
  if (!first.nullable && values[0] !== null)
    after = sql`${first.expr} ${sql.raw(first.desc ? "<=" : ">=")} ${val(0)} AND ${after}`;
  return { after, select, encode };
}

const INT_RANGES: Record<string, bigint> = { smallint: 2n ** 15n, integer: 2n ** 31n, bigint: 2n ** 63n };
const NUMBER = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NET = /^[0-9a-f:.]+(\/\d{1,3})?$/i;

/** Whether `v` is the text form (as `::text` writes it) of SQL type `type`. */
function readsAs(type: string, v: string): boolean {
  const range = INT_RANGES[type];
  if (range !== undefined) return /^-?\d{1,19}$/.test(v) && BigInt(v) >= -range && BigInt(v) < range;
  if (type === "boolean") return v === "true" || v === "false";
  if (type.startsWith("numeric") || type === "real" || type === "double precision") return NUMBER.test(v);
  if (type === "date") return DATE.test(v) && !Number.isNaN(Date.parse(v));
  if (type.startsWith("timestamp"))
    return TIMESTAMP.test(v) && !Number.isNaN(Date.parse(v.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00")));
  if (type === "uuid") return UUID.test(v);
  if (type === "inet" || type === "cidr" || type.startsWith("macaddr")) return NET.test(v);
  return true; // text types: any string
}
