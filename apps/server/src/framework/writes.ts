import {
  type AnyField,
  defaultOf,
  type FieldErrors,
  lookupAttributes,
  type RelationFieldDef,
} from "@rackplane/contract";
import type { Database } from "@rackplane/db";
import { rowsOf } from "@rackplane/db";
import { type SQL, sql } from "drizzle-orm";
import { type Binding, bindingOf, targetKey } from "./binding";
import { addError } from "./errors";
import { m2mStorage } from "./m2m";
import { restricts, type Scope, scoped, visibleRows } from "./scope";
import { alias, anyId, col, ident, list } from "./sql";

/** A validated payload split into row columns and many-to-many id lists. */
export interface PreparedWrite {
  columns: Record<string, unknown>;
  m2m: Record<string, number[]>;
}

/**
 * Turns validated payloads into column values: relations (ids or attribute
 * objects) become ids, checked to exist — among the rows `scope` may see — in one
 * query per relation field; an object the caller may not see is "does not exist",
 * like a missing one. Omitted optional fields get their defaults when `fillDefaults`
 * (create, PUT) — except, on PUT, the workflow field, which keeps its state. On update (`existingOf`), a stored reference to an object the caller
 * may not see — shown to them as `null` — stays as it is when the write sends `null`
 * or omits it. Field errors go into `errors[i]`.
 */
export async function prepareWrites(
  tx: Database,
  b: Binding,
  items: Record<string, unknown>[],
  errors: FieldErrors[],
  fillDefaults: boolean,
  scope: Scope,
  existingOf?: (i: number) => Record<string, unknown> | undefined,
): Promise<PreparedWrite[]> {
  const out: PreparedWrite[] = items.map(() => ({ columns: {}, m2m: {} }));
  for (const [name, fd] of Object.entries(b.resource.fields)) {
    if (!fd.write) continue;
    if (fd.kind === "fk" || fd.kind === "m2m") {
      await resolveRelationField(tx, b, name, fd as RelationFieldDef, items, errors, out, fillDefaults, scope);
      if (fd.kind === "fk" && existingOf && scope.key)
        await keepHiddenReference(tx, b, name, fd as RelationFieldDef, out, existingOf, scope);
      continue;
    }
    const column = b.columns.get(name);
    if (column === undefined) continue; // computed (`stored: false`): the binding's own handlers take it
    // A workflow field is state, not data: a PUT that omits it leaves the object where
    // the workflow put it instead of "returning" it to the create default (which the
    // workflow guard would then refuse as a transition nobody asked for).
    const fill = fillDefaults && !(existingOf && b.resource.workflow?.field === name);
    items.forEach((item, i) => {
      const v = name in item ? item[name] : fill ? defaultOf(fd) : undefined;
      if (v !== undefined) out[i]!.columns[column] = v;
    });
  }
  return out;
}

async function resolveRelationField(
  tx: Database,
  b: Binding,
  name: string,
  fd: RelationFieldDef,
  items: Record<string, unknown>[],
  errors: FieldErrors[],
  out: PreparedWrite[],
  fillDefaults: boolean,
  scope: Scope,
) {
  const target = bindingOf(targetKey(b.resource, fd.target));
  // Collect every numeric id of this field across items: one existence query.
  const ids = new Set<number>();
  for (const item of items) {
    const v = item[name];
    for (const x of fd.kind === "m2m" ? ((v as unknown[]) ?? []) : [v]) if (typeof x === "number") ids.add(x);
  }
  const existing = new Set<number>();
  if (ids.size) {
    const rule = visibleRows(target, scope, "r");
    const rows = rowsOf<{ id: number }>(
      await tx.execute(
        scoped(
          scope,
          sql`SELECT "r".id FROM ${ident(target.tableName)} "r" WHERE "r".id ${anyId([...ids])}${rule ? sql` AND ${rule}` : sql``}`,
        ),
      ),
    );
    for (const r of rows) existing.add(Number(r.id));
  }
  const resolveOne = async (x: unknown, path: (string | number)[], i: number): Promise<number | null | undefined> => {
    if (x === null) return null;
    if (typeof x === "number") {
      if (existing.has(x)) return x;
      addError(errors[i]!, path, `Invalid pk "${x}" - object does not exist.`);
      return undefined;
    }
    const r = await resolveByAttributes(tx, target, x as Record<string, unknown>, scope);
    if (typeof r === "string") addError(errors[i]!, path, r);
    return typeof r === "number" ? r : undefined;
  };
  for (const [i, item] of items.entries()) {
    if (!(name in item)) {
      if (!fillDefaults) continue;
      if (fd.kind === "m2m") out[i]!.m2m[name] = [];
      else out[i]!.columns[b.columns.get(name)!] = defaultOf(fd) ?? null;
      continue;
    }
    const v = item[name];
    if (fd.kind === "m2m") {
      const resolved: number[] = [];
      for (const [j, x] of ((v as unknown[]) ?? []).entries()) {
        const id = await resolveOne(x, [name, j], i);
        if (typeof id === "number") resolved.push(id);
      }
      out[i]!.m2m[name] = [...new Set(resolved)];
    } else {
      const id = await resolveOne(v, [name], i);
      if (id !== undefined) out[i]!.columns[b.columns.get(name)!] = id;
    }
  }
}

/**
 * `{"name": "R204", "server_room": {"name": "DC6-1"}}` → the one matching id, or a
 * message saying why not (no match, several, unknown attribute).
 */
export async function resolveByAttributes(
  tx: Database,
  target: Binding,
  attrs: Record<string, unknown>,
  scope: Scope,
): Promise<number | string> {
  const conds: SQL[] = [];
  const entries = Object.entries(attrs);
  if (entries.length === 0) return "Give an id or at least one attribute.";
  // The names the document lists for this target (the contract's lookupAttributes), and no other.
  const names = lookupAttributes(target.resource);
  const unknown = (key: string) =>
    `Unknown attribute "${key}" of ${target.resource.key}. Use one of: ${names.join(", ")}.`;
  // Ids are compared as ids: `{"id": "5"}` is not one (the document says integer).
  const isId = (v: unknown) => typeof v === "number" && Number.isInteger(v);
  for (const [key, value] of entries) {
    if (!names.includes(key)) return unknown(key);
    if (key === "id") {
      if (!isId(value)) return `Attribute "id" must be a whole number.`;
      conds.push(sql`"r".id = ${value}`);
      continue;
    }
    const fd: AnyField | undefined = target.resource.fields[key];
    if (!fd || !target.columns.has(key)) return unknown(key);
    const column = col("r", target.columns.get(key)!);
    if (fd.kind === "fk" && value !== null && typeof value !== "object" && !isId(value)) {
      return `Attribute "${key}" must be an id, null or the attributes of its object.`;
    }
    if (fd.kind === "fk" && value !== null && typeof value === "object") {
      const inner = bindingOf(targetKey(target.resource, (fd as RelationFieldDef).target));
      const r = await resolveByAttributes(tx, inner, value as Record<string, unknown>, scope);
      if (typeof r === "string") return `${key}: ${r}`;
      conds.push(sql`${column} = ${r}`);
    } else if (value === null) {
      conds.push(sql`${column} IS NULL`);
    } else if (typeof value === "object") {
      return `Attribute "${key}" must be a plain value.`;
    } else if ((fd.kind === "string" || fd.kind === "text") && typeof value !== "string") {
      // The document types text attributes (`name`) as strings; `{"name": 5}` is not a name.
      return `Attribute "${key}" must be a string.`;
    } else {
      // Compare as text; an address is compared without its /32 (or /128).
      const text = fd.kind === "ip" ? sql`host(${column})` : sql`${column}::text`;
      conds.push(sql`${text} = ${String(value)}`);
    }
  }
  // Only rows the caller may see can match: a hidden object is "no match", never its id.
  const rule = visibleRows(target, scope, "r");
  if (rule) conds.push(rule);
  const rows = rowsOf<{ id: number }>(
    await tx.execute(
      scoped(scope, sql`SELECT "r".id FROM ${ident(target.tableName)} "r" WHERE ${list(conds, " AND ")} LIMIT 2`),
    ),
  );
  if (rows.length === 1) return Number(rows[0]!.id);
  const desc = JSON.stringify(attrs);
  return rows.length === 0
    ? `No ${target.resource.model} matches ${desc}.`
    : `Several ${target.resource.model} objects match ${desc}; add attributes to pick one.`;
}

/**
 * Replaces the many-to-many rows of `ownerIds` for each field given. Members the
 * caller may not see (left out of what they were shown) stay: the write replaces
 * only what the caller can see.
 * `fresh`: the owner was just created, so it has no join rows to clear (bulk create skips a DELETE per row).
 */
export async function writeM2M(
  tx: Database,
  b: Binding,
  ownerId: number,
  m2m: Record<string, number[]>,
  scope: Scope,
  fresh = false,
) {
  for (const [field, ids] of Object.entries(m2m)) {
    const store = m2mStorage(b, field);
    const extraCols = Object.keys(store.extra);
    if (!fresh) {
      const target = bindingOf(targetKey(b.resource, (b.resource.fields[field] as RelationFieldDef).target));
      const ta = alias("k");
      const rule = visibleRows(target, scope, ta);
      const onlyVisible = rule
        ? [
            sql`EXISTS (SELECT 1 FROM ${ident(target.tableName)} ${ident(ta)} WHERE ${col(ta, "id")} = ${ident(store.table)}.${ident(store.targetColumn)} AND ${rule})`,
          ]
        : [];
      await tx.execute(
        scoped(
          scope,
          sql`DELETE FROM ${ident(store.table)} WHERE ${list(
            [
              ...extraCols.map((c) => sql`${ident(c)} = ${store.extra[c]}`),
              sql`${ident(store.ownerColumn)} = ${ownerId}`,
              ...onlyVisible,
            ],
            " AND ",
          )}`,
        ),
      );
    }
    if (!ids.length) continue;
    const rows = ids.map(
      (id) => sql`(${list([...extraCols.map((c) => sql`${store.extra[c]}`), sql`${ownerId}`, sql`${id}`])})`,
    );
    await tx.execute(
      sql`INSERT INTO ${ident(store.table)} (${list([...extraCols, store.ownerColumn, store.targetColumn].map(ident))}) VALUES ${list(rows)}`,
    );
  }
}

/**
 * A visible object's reference to one the caller may not see is shown as `null`;
 * sending that `null` back (PUT of a fetched representation, or omitting the field
 * on PUT) keeps the stored reference instead of clearing it. One query per field.
 */
async function keepHiddenReference(
  tx: Database,
  b: Binding,
  name: string,
  fd: RelationFieldDef,
  out: PreparedWrite[],
  existingOf: (i: number) => Record<string, unknown> | undefined,
  scope: Scope,
) {
  const target = bindingOf(targetKey(b.resource, fd.target));
  if (!restricts(target, scope)) return;
  const column = b.columns.get(name)!;
  const stored = new Map<number, number>(); // item index → stored id it would clear
  out.forEach((p, i) => {
    const old = existingOf(i)?.[column];
    if (column in p.columns && p.columns[column] === null && old != null) stored.set(i, Number(old));
  });
  if (!stored.size) return;
  const rule = visibleRows(target, scope, "r")!;
  const seen = new Set(
    rowsOf<{ id: number }>(
      await tx.execute(
        scoped(
          scope,
          sql`SELECT "r".id FROM ${ident(target.tableName)} "r" WHERE "r".id ${anyId([...new Set(stored.values())])} AND ${rule}`,
        ),
      ),
    ).map((r) => Number(r.id)),
  );
  for (const [i, old] of stored) if (!seen.has(old)) out[i]!.columns[column] = old;
}
