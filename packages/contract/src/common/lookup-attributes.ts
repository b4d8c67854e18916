import type { AnyField } from "./fields";
import type { AnyResource } from "./resource";

/** A field kept in a column of its resource's own table (not a join table, a count or a computed value). */
export function isStored(fd: AnyField): boolean {
  return fd.kind !== "m2m" && fd.kind !== "count" && fd.options.stored !== false;
}

/**
 * The attributes a related object can be named by in a write (`{"name": "R204"}`): its id and
 * its stored fields. Secrets are not among them: a reference by password hash or key would let
 * a writer test guesses against them. The server resolves by exactly these; the document lists them.
 */
export function lookupAttributes(r: AnyResource): string[] {
  const stored = Object.entries(r.fields).filter(([, fd]) => isStored(fd) && !fd.options.writeOnly);
  return [...new Set(["id", ...stored.map(([name]) => name)])];
}

/** A relation's target resource key, `self` resolved to its owner (a pool's `parent` is a pool). */
export const targetKey = (owner: { key: string }, target: string): string => (target === "self" ? owner.key : target);
