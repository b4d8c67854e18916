import type { RelationFieldDef } from "@rackplane/contract";
import { type SQL, sql } from "drizzle-orm";
import { allBindings, type Binding, bindingOf, targetKey } from "./binding";
import { restricts, type Scope, visibleRef } from "./scope";
import { col, list, literal } from "./sql";

/**
 * A change record's pre/post image (a JSON column beside `object_type`) as the caller
 * may see it: nested objects they may not see become `null` and drop out of nested
 * lists, exactly as in the object's own representation. The images are stored
 * complete (superusers see them as written); the redaction is one CASE over the
 * record's type, built from the field declarations, inside the list's statement.
 */
export function scopedImage(column: string, typeColumn = "object_type") {
  return (a: string, scope: Scope): SQL => {
    const image = col(a, column);
    if (!scope.key) return image;
    const branches: SQL[] = [];
    for (const b of allBindings()) {
      const redacted = redact(b, image, scope);
      if (redacted) branches.push(sql`WHEN ${literal(b.resource.key)} THEN ${redacted}`);
    }
    return branches.length ? sql`(CASE ${col(a, typeColumn)} ${list(branches, " ")} ELSE ${image} END)` : image;
  };
}

/** `image` with the references of a `b` object to hidden objects taken out; undefined if it has none. */
function redact(b: Binding, image: SQL, scope: Scope): SQL | undefined {
  const pairs: SQL[] = [];
  for (const [name, fd] of Object.entries(b.resource.fields)) {
    if (fd.kind !== "fk" && fd.kind !== "m2m") continue;
    const target = bindingOf(targetKey(b.resource, (fd as RelationFieldDef).target));
    if (!restricts(target, scope)) continue;
    const value = sql`(${image} -> ${literal(name)})`;
    if (fd.kind === "fk") {
      const ref = sql`((${value} ->> 'id')::int)`;
      pairs.push(
        sql`${literal(name)}, CASE WHEN ${ref} IS NULL OR ${visibleRef(target, scope, ref)} THEN ${value} ELSE 'null'::jsonb END`,
      );
    } else {
      const ref = sql`((e.value ->> 'id')::int)`;
      pairs.push(
        sql`${literal(name)}, (SELECT coalesce(jsonb_agg(e.value ORDER BY e.ordinality), '[]'::jsonb)
          FROM jsonb_array_elements(CASE WHEN jsonb_typeof(${value}) = 'array' THEN ${value} ELSE '[]'::jsonb END)
            WITH ORDINALITY e WHERE ${visibleRef(target, scope, ref)})`,
      );
    }
  }
  if (!pairs.length) return undefined;
  const redacted = sql`(${image} || jsonb_build_object(${list(pairs)}))`;
  if (!displayNamesHidden(b, scope)) return redacted;
  // `display` names a related object: rebuild it from the redacted image, as the caller would see it.
  return sql`(SELECT r.x || jsonb_build_object('display', ${displayOf(b, sql`r.x`)}) FROM (SELECT ${redacted} AS x) r)`;
}

/** Whether `b`'s display template shows a related object the caller may not see. */
function displayNamesHidden(b: Binding, scope: Scope): boolean {
  return [...b.resource.display.matchAll(/\{(\w+)\}/g)].some(([, f]) => {
    const fd = b.resource.fields[f!];
    return fd?.kind === "fk" && restricts(bindingOf(targetKey(b.resource, (fd as RelationFieldDef).target)), scope);
  });
}

/** `display` of an image (JSON) in SQL, as `present` builds it: choices by value, related objects by display. */
function displayOf(b: Binding, image: SQL): SQL {
  const parts = b.resource.display.split(/\{(\w+)\}/g);
  const out: SQL[] = [literal(parts[0]!)];
  for (let i = 1; i < parts.length; i += 2) {
    const f = literal(parts[i]!);
    out.push(sql`coalesce(${image} -> ${f} ->> 'display', ${image} -> ${f} ->> 'value', ${image} ->> ${f}, '')`);
    out.push(literal(parts[i + 1]!));
  }
  return sql`(${list(out, " || ")})`;
}

/**
 * The record's `object_repr` as the caller may see it: rebuilt from the redacted image
 * for types whose display names a related object (a licence assignment shows its asset).
 */
export function scopedRepr(column: string, pre: string, post: string, typeColumn = "object_type") {
  return (a: string, scope: Scope): SQL => {
    const repr = col(a, column);
    if (!scope.key) return repr;
    const branches: SQL[] = [];
    for (const b of allBindings()) {
      if (!displayNamesHidden(b, scope)) continue;
      const redacted = redact(b, sql`coalesce(${col(a, post)}, ${col(a, pre)})`, scope)!;
      branches.push(sql`WHEN ${literal(b.resource.key)} THEN (${redacted}) ->> 'display'`);
    }
    return branches.length ? sql`(CASE ${col(a, typeColumn)} ${list(branches, " ")} ELSE ${repr} END)` : repr;
  };
}
