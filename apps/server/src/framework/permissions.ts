import { parse as parseQuery } from "node:querystring";
import { type AnyResource, type FieldErrors, resourceByKey } from "@rackplane/contract";
import { type Database, rowsOf } from "@rackplane/db";
import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Binding } from "./binding";
import { ApiError, zodToFieldErrors } from "./errors";
import { whereOf } from "./filters";
import { NO_ROWS, UNRESTRICTED } from "./scope";
import { anyId, col, ident, list } from "./sql";

/**
 * Object permissions as SQL (README "Access control"). A caller's permission set is
 * the grants of their groups and their own; a grant names resource types, actions and
 * an optional constraint in the list filter language. For a resource and an action the
 * set yields the rows the caller may act on: every row (some grant has no constraint),
 * none (no grant), or the OR of the constraints — compiled by the list's own filter
 * parser, with values inlined as escaped literals so the condition is parameterless
 * and the fragments holding it stay memoizable (their memo key is the scope's key,
 * which carries the set's fingerprint).
 */

/** The standard actions; any other name is a named action or transition, which `change` also allows. */
export const STANDARD_ACTIONS = ["view", "add", "change", "delete"] as const;

/**
 * Resources permissions do not govern: a user's own tokens (their own rule), and the
 * permissions (read: those granted to the caller; written by superusers only).
 */
export const EXEMPT = new Set(["users.tokens", "users.permissions"]);

export interface Grant {
  id: number;
  /** `dcim.servers`, `dcim.*`, `*`. */
  objectTypes: string[];
  actions: string[];
  /** A list filter query; `""` = every object. */
  constraints: string;
}

export class PermissionSet {
  private readonly memo = new Map<string, Grant[]>();

  constructor(
    readonly grants: Grant[],
    /** Identifies the grants' content: part of the scope's key. */
    readonly fingerprint: string,
  ) {}

  /** Grants that allow `action` on resource `key`. */
  covering(key: string, action: string): Grant[] {
    const k = `${key}|${action}`;
    let out = this.memo.get(k);
    if (!out) {
      const named = !(STANDARD_ACTIONS as readonly string[]).includes(action);
      out = this.grants.filter(
        (g) =>
          g.objectTypes.some((t) => typeMatches(t, key)) &&
          (g.actions.includes(action) || (named && g.actions.includes("change"))),
      );
      this.memo.set(k, out);
    }
    return out;
  }

  /** Whether some grant allows `action` on `key` (on some objects at least). */
  allows(key: string, action: string): boolean {
    return EXEMPT.has(key) || this.covering(key, action).length > 0;
  }

  /** Whether rows of `key` can be out of view (no unconstrained view grant). */
  restricts(key: string): boolean {
    return !EXEMPT.has(key) && !this.covering(key, "view").some((g) => !g.constraints);
  }

  /** Rows of `b` (alias `a`) the set allows `action` on: `undefined` = every row, `NO_ROWS` = none. */
  rows(b: Binding, action: string, a: string): SQL | undefined {
    if (EXEMPT.has(b.resource.key)) return undefined;
    const grants = this.covering(b.resource.key, action);
    if (!grants.length) return NO_ROWS;
    if (grants.some((g) => !g.constraints)) return undefined;
    const ors = grants.map((g) => constraintSql(b, g.constraints, a));
    return ors.length === 1 ? ors[0] : sql`(${list(ors, " OR ")})`;
  }
}

const typeMatches = (pattern: string, key: string) =>
  pattern === "*" || pattern === key || (pattern.endsWith(".*") && key.startsWith(pattern.slice(0, -1)));

/** Resource keys an object-types list names (wildcards expanded). */
export function resourcesNamed(objectTypes: string[]): string[] {
  return [...resourceByKey.keys()].filter((k) => objectTypes.some((t) => typeMatches(t, k)));
}

/** Splits a comma-separated list as stored. */
export const splitList = (s: string) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

const parsed = new Map<string, Record<string, unknown> | null>();

/**
 * A constraint as the list's parsed query: the resource's own filter schema decides
 * (unknown parameters, bad values and lookups are errors naming the parameter). Only
 * filters are allowed — not pagination, ordering, search or field selection.
 */
export function parseConstraint(
  r: AnyResource,
  text: string,
): { query?: Record<string, unknown>; errors?: FieldErrors } {
  const raw = parseQuery(text) as Record<string, string | string[]>;
  const allowed = new Set([...r.filterParams.map((p) => p.name), "tag"]);
  const errors: FieldErrors = {};
  for (const name of Object.keys(raw)) if (!allowed.has(name)) errors[name] = [`Unknown filter of ${r.key}.`];
  if (Object.keys(errors).length) return { errors };
  const filters = r.schemas.Filters;
  if (!filters) return { errors: { [r.key]: ["Has no list filters."] } };
  const res = filters.safeParse(raw);
  if (!res.success) return { errors: zodToFieldErrors(res.error, () => `Unknown filter of ${r.key}.`) };
  return { query: res.data };
}

/** The constraint's condition on alias `a`; a constraint that no longer parses matches nothing (fails closed). */
function constraintSql(b: Binding, text: string, a: string): SQL {
  const k = `${b.resource.key}|${text}`;
  let query = parsed.get(k);
  if (query === undefined) {
    query = parseConstraint(b.resource, text).query ?? null;
    if (parsed.size > 1000) parsed.clear();
    parsed.set(k, query);
  }
  if (!query) return NO_ROWS;
  // Relations inside a constraint see every row: the constraint is the operator's rule about the
  // data, not the caller's view of it (and constraints never recurse into each other).
  const { conds } = whereOf(b, a, query, UNRESTRICTED);
  return conds.length ? inlined(sql`(${list(conds, " AND ")})`) : sql`TRUE`;
}

const dialect = new PgDialect();
/** A fragment with its parameters written as escaped literals: one raw, parameterless chunk. */
function inlined(fragment: SQL): SQL {
  const q = dialect.sqlToQuery(fragment);
  return sql.raw(q.sql.replace(/\$(\d+)/g, (_, n: string) => literalOf(q.params[Number(n) - 1])));
}

function literalOf(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (Array.isArray(v))
    return quote(`{${v.map((x) => `"${String(x).replace(/["\\]/g, (m) => `\\${m}`)}"`).join(",")}}`);
  return quote(v instanceof Date ? v.toISOString() : String(v));
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * After a write: every written row of `b` must still be one the caller's `action`
 * grants cover (a constrained `change` cannot move an object out of its constraint;
 * a constrained `add` cannot create one outside it). One statement, only for
 * constrained writers; a 403 rolls the write back.
 */
export async function refuseOutside(
  tx: Database,
  b: Binding,
  ids: number[],
  set: PermissionSet | undefined,
  action: string,
): Promise<void> {
  if (!set || !ids.length) return;
  const cond = set.rows(b, action, "pw");
  if (!cond) return;
  const outside = rowsOf<{ id: number }>(
    await tx.execute(
      sql`SELECT "pw".id FROM ${ident(b.tableName)} "pw" WHERE ${col("pw", "id")} ${anyId(ids)} AND NOT (${cond}) LIMIT 1`,
    ),
  );
  if (outside.length)
    throw new ApiError(403, {
      detail: `The result falls outside your permission to ${action} ${b.resource.key}.`,
    });
}

/** The refusal of an action a caller's permissions do not grant. */
export const notPermitted = (action: string, key: string) =>
  new ApiError(403, { detail: `You do not have permission to ${action} ${key}.` });
