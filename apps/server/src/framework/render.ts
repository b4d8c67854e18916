import type { AnyField, ChoiceFieldDef, CountFieldDef, RelationFieldDef } from "@rackplane/contract";
import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { Binding } from "./binding";
import { BoundedMemo } from "./memo";
import { blankSeparator, countOf, fkSource, m2mSource, presentedFields, whenSet } from "./read";
import type { Scope } from "./scope";
import { col, inAliasSpace, list, literal, prerendered } from "./sql";

/**
 * Representations written by PostgreSQL: one text column per row holding the exact
 * JSON `JSON.stringify(present(row))` would give, so a page is the rows' texts joined,
 * with no parse of nested JSON, no `present` and no `JSON.stringify` in the server
 * (together most of a page's CPU in the server). Two things PostgreSQL cannot write
 * as JavaScript would are left as marked spans for `renderedRows` to finish:
 * - the request's base URL (from its Host), a BASE mark in every `url`;
 * - numbers and stored JSON, between OPEN and CLOSE: JavaScript's number formatting
 *   and key order (`JSON.parse` → `JSON.stringify`, what `present` does to them).
 * Raw control characters never occur in JSON text (both escape them), so the marks
 * cannot collide with data.
 *
 * A representation SQL cannot write exactly (a field read through an expression of its
 * own, a `display` showing a number or stored JSON) has no rendered form: `undefined`,
 * and the page is presented in the server as before.
 */
export function renderedSelect(
  b: Binding,
  a: string,
  brief: boolean,
  only: readonly string[] | undefined,
  scope: Scope,
): SQL | undefined {
  const key = `${b.resource.key}|${a}|${brief ? 1 : 0}|${only?.join(",") ?? "*"}|${scope.key}`;
  return (
    rendered.get(key, () => {
      const text = inAliasSpace("r", () => objectText(b, a, brief, only, scope, 0));
      return text ? prerendered(sql`${text} AS "j"`) : null;
    }) ?? undefined
  );
}

const rendered = new BoundedMemo<SQL | null>();

const BASE = "\x01";
const OPEN = "\x02";
const CLOSE = "\x03";
const SPANS = new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`, "g");
/** Nested objects inside nested objects: deeper is presented in the server. */
const MAX_DEPTH = 4;

/** The rows of a rendered page: their JSON array, and how many. `JSON.stringify` of a page holding it writes the array. */
export class RenderedRows {
  constructor(
    readonly json: string,
    readonly length: number,
  ) {}
  toJSON(): unknown {
    return JSON.parse(this.json);
  }
}

/** Rows selected with `renderedSelect` (column `j`) → the page's `results`, finished for this request. */
export function renderedRows(rows: Record<string, unknown>[], baseUrl: string): RenderedRows {
  let json = `[${rows.map((r) => r.j as string).join(",")}]`;
  if (json.includes(OPEN)) json = json.replace(SPANS, (_, value: string) => reserialized(value));
  const base = JSON.stringify(baseUrl).slice(1, -1);
  return new RenderedRows(
    json.replaceAll(BASE, () => base),
    rows.length,
  );
}

/** What `present` makes of a number or stored JSON: `Number(text)` / the parsed value, serialized. */
function reserialized(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text)) ?? "null";
  } catch {
    return "null"; // NaN, Infinity: JSON.stringify(Number(text)) is null
  }
}

/** A body with its rendered rows parsed (for checks and pages that need the objects). */
export function plainBody(body: unknown): unknown {
  if (typeof body !== "object" || body === null || !((body as { results?: unknown }).results instanceof RenderedRows))
    return body;
  const b = body as { results: RenderedRows };
  return { ...b, results: b.results.toJSON() };
}

type Piece = string | SQL;

/** `concat(…)` of literal text and expressions, adjacent literals merged. */
function concat(pieces: Piece[]): SQL {
  const merged: Piece[] = [];
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    if (typeof p === "string" && typeof last === "string") merged[merged.length - 1] = last + p;
    else merged.push(p);
  }
  return sql`concat(${list(merged.map((p) => (typeof p === "string" ? literal(p) : p)))})`;
}

const orNull = (text: SQL) => sql`coalesce(${text}, 'null')`;

function objectText(
  b: Binding,
  a: string,
  brief: boolean,
  only: readonly string[] | undefined,
  scope: Scope,
  depth: number,
): SQL | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const names = presentedFields(b.resource, brief, only);
  const display = displayText(b, a, scope, depth);
  if (!display) return undefined;
  const id = sql`${col(a, "id")}::text`;
  const pieces: Piece[] = ['{"id":', id, ',"url":"', sql`chr(1)`, b.resource.path, id, '/","display":'];
  pieces.push(sql`to_json(${display})::text`);
  for (const name of names) {
    const text = fieldText(b, a, name, b.resource.fields[name]!, scope, depth);
    if (!text) return undefined;
    pieces.push(`,${JSON.stringify(name)}:`, text);
  }
  pieces.push("}");
  return concat(pieces);
}

/** `SELECT`-able JSON text of one field, as `present` would write it; never NULL. */
function fieldText(b: Binding, a: string, name: string, fd: AnyField, scope: Scope, depth: number): SQL | undefined {
  if (b.expressions?.[name]) return undefined;
  switch (fd.kind) {
    case "fk": {
      const src = fkSource(b, a, name, fd as RelationFieldDef, scope);
      const inner = objectText(src.target, src.ta, true, undefined, scope, depth + 1);
      return inner && whenSet(src, orNull(sql`(SELECT ${inner} ${src.from})`), sql`'null'`);
    }
    case "m2m": {
      const { target, ta, from, order } = m2mSource(b, a, name, fd as RelationFieldDef, scope);
      const inner = objectText(target, ta, true, undefined, scope, depth + 1);
      return inner && sql`(SELECT coalesce('[' || string_agg(${inner}, ',' ORDER BY ${order}) || ']', '[]') ${from})`;
    }
    case "count":
      return sql`${countOf(a, fd as CountFieldDef, scope)}::text`;
  }
  const column = b.columns.get(name);
  if (!column) return sql`'null'`; // `stored: false`: null in every list
  const c = col(a, column);
  switch (fd.kind) {
    case "choice": {
      const labels = (fd as ChoiceFieldDef).choices.labels as Record<string, string>;
      const known = Object.entries(labels).map(
        ([value, label]) => sql`WHEN ${literal(value)} THEN ${literal(JSON.stringify({ value, label }))}`,
      );
      // A value without a label (a choice set narrowed since) shows the value as its label.
      return sql`CASE ${c} ${sql.join(known, sql` `)} ELSE ${orNull(sql`'{"value":' || to_json(${c})::text || ',"label":' || to_json(${c})::text || '}'`)} END`;
    }
    case "bool":
      return orNull(sql`${c}::text`);
    case "int":
      // bigint: JavaScript's Number of it, as `present` gives (beyond 2^53 the digits differ).
      return isBigint(b, column) ? span(c) : orNull(sql`${c}::text`);
    case "number":
    case "json":
      return span(c);
    case "datetime":
      return orNull(sql`to_json(${c})::text`);
    case "ip":
      return orNull(sql`to_json(host(${c}))::text`);
    case "date":
    case "cidr":
    case "mac":
      return orNull(sql`to_json(${c}::text)::text`);
    default:
      return orNull(sql`to_json(${c})::text`);
  }
}

const span = (c: SQL) => orNull(sql`chr(2) || ${c}::text || chr(3)`);

function isBigint(b: Binding, column: string): boolean {
  const c = Object.values(getTableColumns(b.table)).find((x) => x.name === column);
  return c?.getSQLType().startsWith("bigint") ?? false;
}

/**
 * The `display` text as `present` composes it from its template: each field's text, and an
 * empty field takes a blank separator with it (see `compileDisplay`), as one SQL expression.
 */
function displayText(b: Binding, a: string, scope: Scope, depth: number): SQL | undefined {
  const parts = b.resource.display.split(/\{(\w+)\}/g); // odd indexes are field names
  if (parts.length === 3 && parts[0] === "" && parts[2] === "") {
    const only = valueText(b, a, parts[1]!, scope, depth);
    return only && sql`coalesce(${only}, '')`;
  }
  let s: SQL = literal(parts[0]!);
  for (let i = 1; i < parts.length; i += 2) {
    const v = valueText(b, a, parts[i]!, scope, depth);
    if (!v) return undefined;
    const t = sql`coalesce(${v}, '')`;
    const before = parts[i - 1]!;
    const after = parts[i + 1]!;
    const whenEmpty = literal(blankSeparator(after) ? "" : after);
    if (i + 2 >= parts.length && blankSeparator(before)) {
      const n = before.length;
      const trimmed = sql`CASE WHEN right(${s}, ${sql.raw(String(n))}) = ${literal(before)} THEN left(${s}, ${sql.raw(String(-n))}) ELSE ${s} END`;
      s = sql`CASE WHEN ${t} = '' THEN ${trimmed} || ${whenEmpty} ELSE ${s} || ${t} || ${literal(after)} END`;
    } else {
      s = sql`${s} || CASE WHEN ${t} = '' THEN ${whenEmpty} ELSE ${t} || ${literal(after)} END`;
    }
  }
  return s;
}

/** One template field's text (NULL: empty), as `String()` of what `present` shows for it; undefined: not writable in SQL. */
function valueText(b: Binding, a: string, name: string, scope: Scope, depth: number): SQL | undefined {
  if (name === "id") return sql`${col(a, "id")}::text`;
  const fd = b.resource.fields[name];
  if (!fd) return sql`NULL`;
  if (b.expressions?.[name]) return undefined;
  switch (fd.kind) {
    case "fk": {
      // The nested object's own display, shown or not (see `compileDisplay`).
      if (depth >= MAX_DEPTH) return undefined;
      const src = fkSource(b, a, name, fd as RelationFieldDef, scope);
      const inner = displayText(src.target, src.ta, scope, depth + 1);
      return inner && whenSet(src, sql`(SELECT ${inner} ${src.from})`);
    }
    case "count":
      return sql`${countOf(a, fd as CountFieldDef, scope)}::text`;
    case "m2m":
    case "number":
    case "json":
      return undefined;
  }
  const column = b.columns.get(name);
  if (!column) return sql`NULL`;
  const c = col(a, column);
  switch (fd.kind) {
    case "datetime":
      return sql`to_json(${c}) #>> '{}'`;
    case "ip":
      return sql`host(${c})`;
    default:
      return sql`${c}::text`;
  }
}
