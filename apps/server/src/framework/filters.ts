import { type AnyField, type FilterParam, NET_OPERATORS, type RelationFieldDef } from "@rackplane/contract";
import { type SQL, sql } from "drizzle-orm";
import { type Binding, bindingOf, targetKey } from "./binding";
import { m2mStorage } from "./m2m";
import { fieldExpression } from "./read";
import { type Scope, visibleRows } from "./scope";
import { alias, col, ident, likeEscape, list, literal, values } from "./sql";

/**
 * Parsed query parameters → SQL conditions (ANDed). Repeated values of one
 * parameter are ORed; every value is a bound parameter. `valueFilter` is set
 * when the only condition is exact values of one choice field
 * (`?status=in_use&status=free`), so a maintained per-value count can answer
 * the list's count instead of a scan (see counts.ts); `tagFilter` likewise when it
 * is one `?tag=` slug, counted in `tagged_items` alone.
 */
export function whereOf(b: Binding, a: string, query: Record<string, unknown>, scope: Scope): Conditions {
  const conds: SQL[] = [];
  let valueFilter: ValueFilter | undefined;
  let tagFilter: string | undefined;
  const byName = new Map(b.resource.filterParams.map((p) => [p.name, p]));
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const param = byName.get(name);
    if (param) {
      conds.push(condition(b, a, param, value, scope));
      const fd = b.resource.fields[param.field]!;
      if ((param.lookup === "exact" || param.lookup === "in") && fd.kind === "choice")
        valueFilter = {
          column: b.columns.get(param.field)!,
          values: (Array.isArray(value) ? value : [value]).map(String),
        };
      continue;
    }
    switch (name) {
      case "search":
        if (String(value).trim()) conds.push(searchOf(b, a, String(value).trim(), scope));
        break;
      case "tag": {
        const slugs = value as string[];
        if (slugs.length) conds.push(hasTags(b, a, slugs));
        if (new Set(slugs).size === 1) tagFilter = slugs[0];
        break;
      }
      case "created_by_request":
      case "updated_by_request":
        conds.push(changedByRequest(b, a, name === "created_by_request" ? "create" : "update", String(value)));
        break;
    }
  }
  const only = conds.length === 1;
  return { conds, valueFilter: only ? valueFilter : undefined, tagFilter: only ? tagFilter : undefined };
}

export interface Conditions {
  conds: SQL[];
  /** Set when `conds` is exactly one choice-field filter: its column and values. */
  valueFilter?: ValueFilter;
  /** Set when `conds` is exactly one `?tag=` slug (repeated or not): that slug. */
  tagFilter?: string;
}

export interface ValueFilter {
  column: string;
  values: string[];
}

/** Objects the change log says request `requestId` created / updated (indexed on request_id). */
function changedByRequest(b: Binding, a: string, action: string, requestId: string): SQL {
  return sql`${col(a, "id")} IN (SELECT "object_id" FROM "object_changes" WHERE "request_id" = ${requestId}
    AND "object_type" = ${b.resource.key} AND "action" = ${action})`;
}

function searchOf(b: Binding, a: string, q: string, scope: Scope): SQL {
  const pattern = `%${likeEscape(q)}%`;
  const ors = b.resource.searchFields.map((f) => sql`${textOf(b, a, f, scope)} ILIKE ${pattern}`);
  if (/^\d+$/.test(q) && Number(q) <= 2147483647) ors.push(sql`${col(a, "id")} = ${Number(q)}`);
  return ors.length ? sql`(${list(ors, " OR ")})` : sql`false`;
}

/** A column as text for ILIKE: network types through their read form. */
function textOf(b: Binding, a: string, f: string, scope: Scope): SQL {
  const kind = b.resource.fields[f]!.kind;
  // Network types through their read form; fields read through the caller's scope as they are shown.
  return kind === "ip" || kind === "cidr" || kind === "mac" || b.expressions?.[f]
    ? fieldExpression(b, a, f, b.resource.fields[f]!, scope)
    : col(a, b.columns.get(f)!);
}

/**
 * Objects carrying every tag in `slugs`: one uncorrelated subquery (owners whose
 * matching tags number as many as the distinct slugs), so the cost grows with the
 * tagged rows, not with the number of tags — one EXISTS per tag made the planner's
 * work superlinear (80 tags: 9 s). The slugs are one array parameter, so every count
 * of two or more tags shares one statement text (one tag has its own, below).
 */
function hasTags(b: Binding, a: string, slugs: string[]): SQL {
  const store = m2mStorage(b, "tags");
  const ja = alias("tg");
  const n = new Set(slugs).size;
  // One tag, the common case: a plain semi-join, which the planner drives from the page's
  // ordering index, probing each row's tags (1M servers: 2 ms a page). The grouped form's
  // HAVING defeats its estimates, so it built every tagged owner first (700 ms).
  if (n === 1)
    return sql`${col(a, "id")} IN (SELECT ${col(ja, store.ownerColumn)} FROM ${ident(store.table)} ${ident(ja)}
      WHERE ${col(ja, "object_type")} = ${literal(b.resource.key)}
        AND ${col(ja, store.targetColumn)} IN (SELECT "id" FROM "tags" WHERE "slug" = ANY(${sql.param(slugs)}::text[])))`;
  return sql`${col(a, "id")} IN (SELECT ${col(ja, store.ownerColumn)} FROM ${ident(store.table)} ${ident(ja)}
    JOIN "tags" ON "tags"."id" = ${col(ja, store.targetColumn)}
    WHERE ${col(ja, "object_type")} = ${literal(b.resource.key)} AND "tags"."slug" = ANY(${sql.param(slugs)}::text[])
    GROUP BY ${col(ja, store.ownerColumn)} HAVING count(DISTINCT "tags"."id") = ${sql.param(n)}::int)`;
}

function condition(b: Binding, a: string, p: FilterParam, value: unknown, scope: Scope): SQL {
  const fd = b.resource.fields[p.field]!;
  if (fd.kind === "m2m") return m2mCondition(b, a, p, fd as RelationFieldDef, value, scope);
  // Filters compare stored columns (so indexes apply); only counts are computed.
  const expr = fd.kind === "count" ? fieldExpression(b, a, p.field, fd, scope) : col(a, b.columns.get(p.field)!);
  if (fd.kind === "fk") {
    const target = bindingOf(targetKey(b.resource, (fd as RelationFieldDef).target));
    const ta = alias("f");
    const rule = visibleRows(target, scope, ta);
    if (p.by) {
      const byCol = target.columns.get(p.by)!;
      return sql`${expr} IN (SELECT ${col(ta, "id")} FROM ${ident(target.tableName)} ${ident(ta)} WHERE ${col(ta, byCol)} IN (${values(value as unknown[])})${rule ? sql` AND ${rule}` : sql``})`;
    }
    // A reference the caller may not see filters like an empty one: `?hypervisor=<hidden id>`
    // matches nothing, `?hypervisor__isnull=true` matches it (its nested form is null too).
    if (rule)
      return lookup(
        sql`(SELECT ${col(ta, "id")} FROM ${ident(target.tableName)} ${ident(ta)} WHERE ${col(ta, "id")} = ${expr} AND ${rule})`,
        fd,
        p.lookup,
        value,
      );
  }
  return lookup(expr, fd, p.lookup, value);
}

function m2mCondition(b: Binding, a: string, p: FilterParam, fd: RelationFieldDef, value: unknown, scope: Scope): SQL {
  const store = m2mStorage(b, p.field);
  const ja = alias("mf");
  const target = bindingOf(targetKey(b.resource, fd.target));
  const ta = alias("mt");
  const rule = visibleRows(target, scope, ta);
  let targets: SQL = values(value as unknown[]);
  if (p.by || rule) {
    const by = p.by ? col(ta, target.columns.get(p.by)!) : col(ta, "id");
    targets = sql`SELECT ${col(ta, "id")} FROM ${ident(target.tableName)} ${ident(ta)} WHERE ${by} IN (${values(value as unknown[])})${rule ? sql` AND ${rule}` : sql``}`;
  }
  const exists = sql`EXISTS (SELECT 1 FROM ${ident(store.table)} ${ident(ja)} WHERE ${store.ownerCondition(ja, col(a, "id"))} AND ${col(ja, store.targetColumn)} IN (${targets}))`;
  return p.lookup === "n" ? sql`NOT ${exists}` : exists;
}

/** Parameter casts so comparisons run on the column's own type (and its indexes). */
const CASTS: Partial<Record<AnyField["kind"], string>> = {
  datetime: "::timestamptz",
  date: "::date",
  ip: "::inet",
  cidr: "::cidr",
  mac: "::macaddr",
};

/** One lookup on one expression. */
export function lookup(expr: SQL, fd: AnyField, op: string, value: unknown): SQL {
  const vs = (Array.isArray(value) ? value : [value]) as unknown[];
  const cast = sql.raw(CASTS[fd.kind] ?? "");
  const typed = (v: unknown) => sql`${v}${cast}`;
  const any = (f: (v: unknown) => SQL) => (vs.length === 1 ? f(vs[0]) : sql`(${list(vs.map(f), " OR ")})`);
  const target = expr;
  switch (op) {
    case "exact":
    case "in":
      if (vs.length === 0) return sql`false`;
      return sql`${target} IN (${list(vs.map(typed))})`;
    case "n":
      return sql`(${target} IS NULL OR ${target} NOT IN (${list(vs.map(typed))}))`;
    case "isnull":
      return value ? sql`${expr} IS NULL` : sql`${expr} IS NOT NULL`;
    case "family":
      return sql`family(${expr}) IN (${values(vs)})`;
    case "net_contained":
    case "net_contained_or_equal":
    case "net_contains":
    case "net_contains_or_equals": {
      const operator = sql.raw(NET_OPERATORS[op]);
      return any((v) => sql`${expr} ${operator} ${v}::inet`);
    }
    // ILIKE without wildcards, not `lower(x) = lower(v)`: the trigram index serves it.
    case "iexact":
      return any((v) => sql`${expr} ILIKE ${likeEscape(String(v))}`);
    case "nie":
      return sql`NOT (${any((v) => sql`${expr} ILIKE ${likeEscape(String(v))}`)})`;
    case "lt":
      return any((v) => sql`${target} < ${typed(v)}`);
    case "lte":
      return any((v) => sql`${target} <= ${typed(v)}`);
    case "gt":
      return any((v) => sql`${target} > ${typed(v)}`);
    case "gte":
      return any((v) => sql`${target} >= ${typed(v)}`);
    default:
      return like(expr, op, vs as string[]);
  }
}

function like(expr: SQL, op: string, vs: string[]): SQL {
  const insensitive = op.startsWith("i");
  const kind = insensitive ? op.slice(1) : op;
  const pattern = (v: string) => {
    const e = likeEscape(v);
    return kind === "startswith" ? `${e}%` : kind === "endswith" ? `%${e}` : `%${e}%`;
  };
  const opSql = sql.raw(insensitive ? "ILIKE" : "LIKE");
  const ors = vs.map((v) => sql`${expr} ${opSql} ${pattern(v)}`);
  return ors.length === 1 ? ors[0]! : sql`(${list(ors, " OR ")})`;
}

/** `ordering` items → ORDER BY expressions; `id` is appended so pages are stable. */
export function orderBy(b: Binding, a: string, ordering: string[] | undefined, scope: Scope): SQL {
  const items = ordering?.length ? ordering : b.resource.defaultOrdering;
  const parts: SQL[] = [];
  for (const item of items) {
    const desc = item.startsWith("-");
    const name = desc ? item.slice(1) : item;
    parts.push(sql`${orderExpression(b, a, name, scope)} ${sql.raw(desc ? "DESC" : "ASC")}`);
  }
  if (!items.some((i) => i.replace(/^-/, "") === "id")) parts.push(sql`${col(a, "id")} ASC`);
  return list(parts);
}

/** Ordering through a relation sees what the caller sees: a hidden related object sorts as none. */
export function orderExpression(b: Binding, a: string, name: string, scope: Scope): SQL {
  const [head, by] = name.split("__") as [string, string | undefined];
  const fd = b.resource.fields[head]!;
  if (fd.kind === "fk" && by) {
    const target = bindingOf(targetKey(b.resource, (fd as RelationFieldDef).target));
    const ta = alias("o");
    const rule = visibleRows(target, scope, ta);
    return sql`(SELECT ${col(ta, target.columns.get(by)!)} FROM ${ident(target.tableName)} ${ident(ta)} WHERE ${col(ta, "id")} = ${col(a, b.columns.get(head)!)}${rule ? sql` AND ${rule}` : sql``})`;
  }
  if (fd.kind === "count") return fieldExpression(b, a, head, fd, scope);
  return col(a, b.columns.get(head)!);
}
