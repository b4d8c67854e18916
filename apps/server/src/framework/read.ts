import { setImmediate as nextTurn } from "node:timers/promises";
import type { AnyField, AnyResource, ChoiceFieldDef, CountFieldDef, RelationFieldDef } from "@rackplane/contract";
import { type SQL, sql } from "drizzle-orm";
import { type Binding, bindingOf, targetKey } from "./binding";
import type { RequestContext } from "./context";
import { m2mStorage } from "./m2m";
import { BoundedMemo } from "./memo";
import { type Scope, visibleRows, withoutPermissions } from "./scope";
import { alias, col, ident, inAliasSpace, list, prerendered } from "./sql";

/**
 * Builds the SELECT list of a representation: row columns, related objects as
 * correlated JSON subqueries, tags and counts — one statement for any page size.
 * Nested objects and counts see only what `scope` may see: a related object the
 * caller may not see is `null` (an empty list entry is left out), and is not counted.
 */
export function selectList(
  b: Binding,
  a: string,
  brief: boolean,
  only: readonly string[] | undefined,
  scope: Scope,
): SQL {
  const key = `${b.resource.key}|${a}|${brief ? 1 : 0}|${only?.join(",") ?? "*"}|${scope.key}`;
  return selectLists.get(key, () => inAliasSpace("s", () => prerendered(buildSelectList(b, a, brief, only, scope))));
}

/** Select lists by resource, alias and field choice: declarations don't change while running. */
const selectLists = new BoundedMemo<SQL>();

function buildSelectList(
  b: Binding,
  a: string,
  brief: boolean,
  only: readonly string[] | undefined,
  scope: Scope,
): SQL {
  const parts: SQL[] = [sql`${col(a, "id")} AS "id"`];
  const wanted = brief
    ? briefFieldsOf(b.resource)
    : only
      ? [...new Set([...briefFieldsOf(b.resource), ...only])]
      : Object.keys(b.resource.fields);
  for (const name of wanted) {
    if (name === "id") continue;
    const fd = b.resource.fields[name]!;
    if (fd.options.writeOnly) continue;
    parts.push(sql`${fieldExpression(b, a, name, fd, scope)} AS ${ident(name)}`);
  }
  return list(parts);
}

/**
 * `?fields=a,b` (only these, besides id, url and display) or `?exclude=a,b`
 * (all but these — e.g. heavy JSON) → the fields to select and present.
 */
export function fieldSelection(r: AnyResource, query: Record<string, unknown>): string[] | undefined {
  const fields = query.fields as string[] | undefined;
  const exclude = query.exclude as string[] | undefined;
  if (fields?.length) return Object.keys(r.fields).filter((f) => fields.includes(f) && !exclude?.includes(f));
  if (exclude?.length) return Object.keys(r.fields).filter((f) => !exclude.includes(f));
  return undefined;
}

/** Brief fields plus the ones `display` needs. */
export function briefFieldsOf(r: AnyResource): string[] {
  const fromDisplay = [...r.display.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return [...new Set(["id", ...r.brief, ...fromDisplay])];
}

export function fieldExpression(b: Binding, a: string, name: string, fd: AnyField, scope: Scope): SQL {
  const own = b.expressions?.[name];
  if (own) return own(a, scope);
  switch (fd.kind) {
    case "fk":
      return nestedObject(b, a, name, fd as RelationFieldDef, scope);
    case "m2m":
      return nestedArray(b, a, name, fd as RelationFieldDef, scope);
    case "count":
      return countOf(a, fd as CountFieldDef, scope);
    case "datetime":
      return sql`to_json(${col(a, b.columns.get(name)!)}) #>> '{}'`;
    case "date":
      return sql`${col(a, b.columns.get(name)!)}::text`;
    case "ip":
      return sql`host(${col(a, b.columns.get(name)!)})`;
    case "cidr":
    case "mac":
      return sql`${col(a, b.columns.get(name)!)}::text`;
    default: {
      const column = b.columns.get(name);
      return column ? col(a, column) : sql`NULL`; // `stored: false`: filled by a handler
    }
  }
}

function briefObject(target: Binding, ta: string, scope: Scope): SQL {
  const pairs: SQL[] = [];
  for (const f of briefFieldsOf(target.resource)) {
    const fd = target.resource.fields[f]!;
    pairs.push(sql`'${sql.raw(f)}', ${fieldExpression(target, ta, f, fd, scope)}`);
  }
  return sql`json_build_object(${list(pairs)})`;
}

const andRule = (rule: SQL | undefined) => (rule ? sql` AND ${rule}` : sql``);

/** Where a nested object or list reads from: its binding, alias and `FROM … WHERE …` (scope applied). */
export interface NestedSource {
  target: Binding;
  ta: string;
  from: SQL;
}

/** An fk's source and the owner's column holding the reference. */
export interface FkSource extends NestedSource {
  /** The owner's fk column. */
  key: SQL;
  nullable: boolean;
}

/**
 * `expr` (a subquery on an fk's target) only where the reference is set: a nullable fk that
 * is NULL is `whenNull` without running the subquery (most optional references are unset,
 * and each unset one would still cost an index probe per row).
 */
export const whenSet = (src: FkSource, expr: SQL, whenNull: SQL = sql`NULL`): SQL =>
  src.nullable ? sql`CASE WHEN ${src.key} IS NULL THEN ${whenNull} ELSE ${expr} END` : expr;

/** The target row of an fk: `FROM target WHERE id = <fk>`, visible to `scope`. */
export function fkSource(b: Binding, a: string, name: string, fd: RelationFieldDef, scope: Scope): FkSource {
  const target = bindingOf(targetKey(b.resource, fd.target));
  const ta = alias("n");
  // A required reference is part of the object: permissions do not blank it (access rules still do).
  const rows = fd.nullable ? scope : withoutPermissions(scope);
  const key = col(a, b.columns.get(name)!);
  return {
    target,
    ta,
    key,
    nullable: fd.nullable === true,
    from: sql`FROM ${ident(target.tableName)} ${ident(ta)} WHERE ${col(ta, "id")} = ${key}${andRule(visibleRows(target, rows, ta))}`,
  };
}

/** The target rows of an m2m field, visible to `scope`, and their order (the target's default, then id). */
export function m2mSource(
  b: Binding,
  a: string,
  name: string,
  fd: RelationFieldDef,
  scope: Scope,
): NestedSource & { order: SQL } {
  const target = bindingOf(targetKey(b.resource, fd.target));
  const store = m2mStorage(b, name);
  const ta = alias("m");
  const ja = alias("j");
  const ordering = target.resource.defaultOrdering[0] ?? "id";
  const orderCol = target.columns.get(ordering.replace(/^-/, "")) ?? "id";
  return {
    target,
    ta,
    from: sql`FROM ${ident(store.table)} ${ident(ja)} JOIN ${ident(target.tableName)} ${ident(ta)} ON ${col(ta, "id")} = ${col(ja, store.targetColumn)}
    WHERE ${store.ownerCondition(ja, col(a, "id"))}${andRule(visibleRows(target, scope, ta))}`,
    order: sql`${col(ta, orderCol)}, ${col(ta, "id")}`,
  };
}

function nestedObject(b: Binding, a: string, name: string, fd: RelationFieldDef, scope: Scope): SQL {
  const src = fkSource(b, a, name, fd, scope);
  return whenSet(src, sql`(SELECT ${briefObject(src.target, src.ta, scope)} ${src.from})`);
}

function nestedArray(b: Binding, a: string, name: string, fd: RelationFieldDef, scope: Scope): SQL {
  const { target, ta, from, order } = m2mSource(b, a, name, fd, scope);
  return sql`(SELECT coalesce(json_agg(${briefObject(target, ta, scope)} ORDER BY ${order}), '[]'::json) ${from})`;
}

/** The `count` field's value: rows of its source pointing at this one, visible to `scope`. */
export function countOf(a: string, fd: CountFieldDef, scope: Scope): SQL {
  const source = bindingOf(fd.countOf.resource);
  const ca = alias("c");
  const via = source.columns.get(fd.countOf.via);
  if (!via) throw new Error(`${fd.countOf.resource} has no relation ${fd.countOf.via}`);
  return sql`(SELECT count(*)::int FROM ${ident(source.tableName)} ${ident(ca)} WHERE ${col(ca, via)} = ${col(a, "id")}${andRule(visibleRows(source, scope, ca))})`;
}

/** Absolute URL of an object. */
export const urlOf = (r: AnyResource, ctx: RequestContext, id: unknown) => `${ctx.baseUrl}${r.path}${id}/`;

/** Whether a separator of a `display` template is only blank (it goes with an empty field). */
export const blankSeparator = (t: string) => t !== "" && t.trim() === "";

/**
 * `display` template compiled once: literal text and field names, alternating. A field
 * the representation does not show (`?fields=`, brief) is presented for it all the same:
 * a related object shows its own display, a choice its value.
 */
function compileDisplay(
  r: AnyResource,
  template: string,
): (row: Record<string, unknown>, out: Record<string, unknown>, ctx: RequestContext) => string {
  const parts = template.split(/\{(\w+)\}/g); // odd indexes are field names
  const blank = blankSeparator;
  const unshown = new Map<string, (v: unknown, ctx: RequestContext) => unknown>();
  for (let i = 1; i < parts.length; i += 2) {
    const fd = r.fields[parts[i]!];
    if (fd) unshown.set(parts[i]!, fieldPresenter(r, fd));
  }
  return (row, out, ctx) => {
    let s = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const f = parts[i]!;
      const v = f in out ? out[f] : (unshown.get(f)?.(row[f], ctx) ?? row[f]);
      let text = "";
      if (v !== null && v !== undefined) {
        if (typeof v === "object" && "value" in v)
          text = String(v.value); // a choice
        else if (typeof v === "object" && "display" in v)
          text = String(v.display); // a related object
        else text = String(v);
      }
      const after = parts[i + 1]!;
      // An empty field takes its blank separator with it ("IX 192.0.2.1", not "IX 192.0.2.1 "
      // without an IPv6 address); the values themselves are shown exactly as stored.
      if (text === "") {
        const last = i + 2 >= parts.length;
        if (last && blank(parts[i - 1]!) && s.endsWith(parts[i - 1]!)) s = s.slice(0, -parts[i - 1]!.length);
        s += blank(after) ? "" : after;
        continue;
      }
      s += text + after;
    }
    return s;
  };
}

/** How one resource's rows become representations, for one field choice: worked out once, applied per row. */
interface Presenter {
  names: string[];
  values: ((v: unknown, ctx: RequestContext) => unknown)[];
  display: (row: Record<string, unknown>, out: Record<string, unknown>, ctx: RequestContext) => string;
}
const presenters = new BoundedMemo<Presenter>();
/** The two field choices of nearly every call, without building a key per row. */
const whole = new WeakMap<AnyResource, Presenter>();
const briefs = new WeakMap<AnyResource, Presenter>();

function presenterOf(r: AnyResource, brief: boolean, only?: readonly string[]): Presenter {
  if (brief || !only) {
    const common = brief ? briefs : whole;
    let p = common.get(r);
    if (!p) {
      p = buildPresenter(r, brief);
      common.set(r, p);
    }
    return p;
  }
  return presenters.get(`${r.key}|${only.join(",")}`, () => buildPresenter(r, false, only));
}

/** The fields a representation shows after `id`, `url` and `display`, in their order. */
export function presentedFields(r: AnyResource, brief: boolean, only?: readonly string[]): string[] {
  return (brief ? r.brief : (only ?? Object.keys(r.fields))).filter(
    (n) => n !== "id" && !r.fields[n]!.options.writeOnly,
  );
}

function buildPresenter(r: AnyResource, brief: boolean, only?: readonly string[]): Presenter {
  const names = presentedFields(r, brief, only);
  return { names, values: names.map((n) => fieldPresenter(r, r.fields[n]!)), display: compileDisplay(r, r.display) };
}

/** A row from `selectList` → the API representation. */
export function present(
  r: AnyResource,
  row: Record<string, unknown>,
  ctx: RequestContext,
  brief = false,
  only?: readonly string[],
): Record<string, unknown> {
  const p = presenterOf(r, brief, only);
  const out: Record<string, unknown> = { id: row.id, url: urlOf(r, ctx, row.id), display: "" };
  for (let i = 0; i < p.names.length; i++) out[p.names[i]!] = p.values[i]!(row[p.names[i]!], ctx);
  out.display = p.display(row, out, ctx);
  return out;
}

/** Rows presented per turn of the event loop by `presentAll`. */
const ROWS_PER_TURN = 2_000;

/**
 * `present` for many rows (what a bulk write reads back), with a turn of the event
 * loop every ROWS_PER_TURN rows so other requests are answered meanwhile.
 */
export async function presentAll(
  r: AnyResource,
  rows: Record<string, unknown>[],
  ctx: RequestContext,
): Promise<Record<string, unknown>[]> {
  const out = new Array<Record<string, unknown>>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    if (i && i % ROWS_PER_TURN === 0) await nextTurn();
    out[i] = present(r, rows[i]!, ctx);
  }
  return out;
}

/** The conversion of one field's selected value to its representation. */
function fieldPresenter(owner: AnyResource, fd: AnyField): (v: unknown, ctx: RequestContext) => unknown {
  const empty = fd.kind === "m2m" ? () => [] : () => null;
  const convert = ((): ((v: unknown, ctx: RequestContext) => unknown) => {
    switch (fd.kind) {
      case "choice": {
        const labels = (fd as ChoiceFieldDef).choices.labels;
        return (v) => ({ value: v, label: labels[v as string] ?? String(v) });
      }
      case "fk": {
        const t = () => bindingOf(targetKey(owner, (fd as RelationFieldDef).target)).resource;
        return (v, ctx) => present(t(), v as Record<string, unknown>, ctx, true);
      }
      case "m2m": {
        const t = () => bindingOf(targetKey(owner, (fd as RelationFieldDef).target)).resource;
        return (v, ctx) => {
          const target = t();
          return (v as Record<string, unknown>[]).map((x) => present(target, x, ctx, true));
        };
      }
      case "number":
        return (v) => Number(v);
      case "int":
        return (v) => (typeof v === "number" ? v : Number(v)); // bigint columns arrive as strings
      default:
        return (v) => v;
    }
  })();
  return (v, ctx) => (v === null || v === undefined ? empty() : convert(v, ctx));
}
