import type { RelationFieldDef } from "@rackplane/contract";
import { type Database, rowsOf } from "@rackplane/db";
import { type SQL, sql } from "drizzle-orm";
import { allBindings, type Binding, bindingOf, targetKey } from "./binding";
import type { RequestContext } from "./context";
import type { PermissionSet } from "./permissions";
import { alias, col, list, literal } from "./sql";

/**
 * Whose rows a statement may see and change: the one way SQL reaches a resource's
 * rows. Every path that reads or writes rows of a bound table — lists, details,
 * nested objects, counts, relation filters and orderings, FK resolution, M2M
 * targets, the change log, jobs, action inputs — asks `visibleRows` for the
 * caller's condition on that table and builds it into the same statement.
 *
 * A restricted scope's conditions are parameterless SQL that read the caller from
 * `rp_caller`, a one-row CTE that `scoped()` puts in front of the statement. So a
 * rule's SQL text is the same for every user: fragments holding it (select lists
 * with nested objects) are rendered once and memoized, and PostgreSQL reuses one
 * prepared statement per shape. A scoped fragment run without its CTE fails
 * ("relation rp_caller does not exist") instead of leaking: the rule fails closed.
 */
export interface Scope {
  /**
   * `""` = unrestricted (superusers, internal calls: jobs, seed); `caller`, or
   * `caller|<fingerprint>` when object permissions apply (framework/permissions.ts).
   * Part of the memo key of fragments: one key, one rule text.
   */
  readonly key: string;
  /** The caller whose groups restrict the rows; `null` = a caller of no groups (anonymous read). */
  readonly userId: number | null;
  /** The caller's object permissions; absent = none apply (README "Access control"). */
  readonly permissions?: PermissionSet;
}

export const UNRESTRICTED: Scope = { key: "", userId: null };

/** The condition of "no row" (no permission), recognised by identity so what it guards can be dropped. */
export const NO_ROWS: SQL = sql.raw("FALSE");

/** The scope of a request's caller (an absent context is an internal call). */
export function scopeOf(ctx: RequestContext | undefined): Scope {
  if (!ctx) return UNRESTRICTED;
  if (ctx.user) {
    if (ctx.user.isSuperuser) return UNRESTRICTED;
    const permissions = ctx.user.permissions;
    return permissions
      ? { key: `caller|${permissions.fingerprint}`, userId: ctx.user.id, permissions }
      : { key: "caller", userId: ctx.user.id };
  }
  return ctx.anonymous ? { key: "caller", userId: null } : UNRESTRICTED;
}

/** The scope's access rules without its object permissions. */
export const withoutPermissions = (scope: Scope): Scope =>
  scope.permissions ? { key: "caller", userId: scope.userId } : scope;

/**
 * The statement, carrying the caller its conditions read (nothing to add when unrestricted);
 * `caller`: a `sql.placeholder` for the user id in a statement compiled once (`compiled`).
 */
export function scoped(scope: Scope, statement: SQL, caller: unknown = scope.userId): SQL {
  return scope.key ? sql`WITH rp_caller AS (SELECT ${caller}::int AS user_id) ${statement}` : statement;
}

/** Inside a scoped statement: the caller's user id. */
export const callerId = sql.raw("(SELECT rp_caller.user_id FROM rp_caller)");
/** Inside a scoped statement: the caller's group ids (read in the statement, so a group change applies at once). */
export const callerGroups = sql.raw(
  "(SELECT ug.group_id FROM user_groups ug WHERE ug.user_id = (SELECT rp_caller.user_id FROM rp_caller))",
);

/**
 * How a binding's rows are restricted (binding option `access`):
 * - `rule`: a condition on alias `a` (use `callerId` / `callerGroups`, fresh aliases via `alias()`);
 * - `follows`: rows go with the object their FK field points at (a switch with its pool,
 *   a node with its server); a row whose FK is empty is visible to everyone. `small`: the
 *   target's table stays small (pools), so the ids of its visible rows are gathered once per
 *   statement and the FK's index answers the condition — a count of a million servers reads
 *   the index instead of testing every row (2–3× less PostgreSQL CPU in `bench/`);
 * - `objects`: a polymorphic reference (`type`, `id` columns): visible when the object it
 *   names is (any resource with access rules; `types` maps stored type names to resource
 *   keys where they differ). `owner`: a user column whose user also sees the row — always
 *   (`ownerSees: "always"`, a job the caller started) or once the object is gone
 *   (`"gone"`, the caller's own record of a deleted object).
 */
export type Access =
  | { rule: (a: string) => SQL }
  | { follows: string; small?: boolean }
  | {
      objects: {
        type: string;
        id: string;
        owner?: string;
        ownerSees?: "always" | "gone";
        types?: Record<string, string>;
      };
    };

/** The condition on rows of `b` (alias `a`) the scope may see; `undefined` = every row. */
export function visibleRows(b: Binding, scope: Scope, a: string): SQL | undefined {
  if (!scope.key) return undefined;
  const granted = scope.permissions?.rows(b, "view", a);
  if (granted === NO_ROWS || !b.access) return granted;
  const own = accessRows(b, scope, a);
  return granted ? sql`(${granted} AND ${own})` : own;
}

/** The condition of `b`'s own access rule. */
function accessRows(b: Binding, scope: Scope, a: string): SQL {
  const access = b.access!;
  if ("rule" in access) return access.rule(a);
  if ("follows" in access) {
    const column = b.columns.get(access.follows);
    const fd = b.resource.fields[access.follows];
    if (!column || fd?.kind !== "fk") throw new Error(`${b.resource.key}: access follows unknown FK ${access.follows}`);
    const target = bindingOf(targetKey(b.resource, (fd as RelationFieldDef).target));
    const ref = access.small ? visibleIds(target, scope, col(a, column)) : visibleRef(target, scope, col(a, column));
    return sql`(${col(a, column)} IS NULL OR ${ref})`;
  }
  const { type, id, owner, ownerSees = "always", types } = access.objects;
  const mine = owner ? sql`${col(a, owner)} = ${callerId}` : undefined;
  const parts: SQL[] = [];
  for (const other of allBindings()) {
    // Polymorphic rows (jobs, changes, and what follows them) never name each other.
    if (other === b || !restricts(other, scope) || followsObjects(other)) continue;
    const name = types ? Object.keys(types).find((k) => types[k] === other.resource.key) : other.resource.key;
    if (types && !name) continue;
    const ref = col(a, id);
    let seen = visibleRef(other, scope, ref);
    // A type the caller may not see at all: its records are out, whoever made them.
    if (seen === NO_ROWS) {
      parts.push(sql`${col(a, type)} <> ${literal(name!)}`);
      continue;
    }
    if (mine && ownerSees === "gone") {
      const ga = alias("g");
      seen = sql`(${seen} OR (${mine} AND NOT EXISTS (SELECT 1 FROM ${sql.raw(`"${other.tableName}"`)} ${sql.raw(`"${ga}"`)} WHERE ${col(ga, "id")} = ${ref})))`;
    }
    parts.push(sql`(${col(a, type)} <> ${literal(name!)} OR ${seen})`);
  }
  const objects = parts.length ? sql`(${list(parts, " AND ")})` : sql`TRUE`;
  return mine && ownerSees === "always" ? sql`(${mine} OR ${objects})` : objects;
}

/** `EXISTS` a row of `target` with id `ref` that the scope may see (`TRUE` when all are). */
export function visibleRef(target: Binding, scope: Scope, ref: SQL): SQL {
  const ta = alias("v");
  const rule = visibleRows(target, scope, ta);
  if (!rule) return sql`TRUE`;
  if (rule === NO_ROWS) return NO_ROWS;
  return sql`EXISTS (SELECT 1 FROM ${sql.raw(`"${target.tableName}"`)} ${sql.raw(`"${ta}"`)} WHERE ${col(ta, "id")} = ${ref} AND ${rule})`;
}

/** `ref` is one of the ids of `target`'s rows the scope may see, gathered once (an InitPlan) into an array. */
function visibleIds(target: Binding, scope: Scope, ref: SQL): SQL {
  const ta = alias("v");
  const rule = visibleRows(target, scope, ta);
  if (!rule) return sql`TRUE`;
  if (rule === NO_ROWS) return NO_ROWS;
  return sql`${ref} = ANY (ARRAY(SELECT ${col(ta, "id")} FROM ${sql.raw(`"${target.tableName}"`)} ${sql.raw(`"${ta}"`)} WHERE ${rule}))`;
}

/** Whether `b`'s rule is (or follows) a polymorphic one. */
function followsObjects(b: Binding): boolean {
  const access = b.access;
  if (!access) return false;
  if ("objects" in access) return true;
  if ("rule" in access) return false;
  const fd = b.resource.fields[access.follows] as RelationFieldDef;
  return followsObjects(bindingOf(targetKey(b.resource, fd.target)));
}

/**
 * Whether rows of `b` can be out of view: for any caller (its own rule, or one it
 * follows), or — given a scope — for this caller's permissions.
 */
export function restricts(b: Binding, scope?: Scope): boolean {
  return b.access !== undefined || (scope?.permissions?.restricts(b.resource.key) ?? false);
}

/** `cond AND visible` when restricted, else `cond`. */
export const andVisible = (b: Binding, scope: Scope, a: string, conds: SQL[] = []): SQL[] => {
  const v = visibleRows(b, scope, a);
  return v ? [...conds, v] : conds;
};

/**
 * For an action's own SQL: the caller's condition on rows of resource `key` at alias
 * `a` (`TRUE` when they see every row). The statement must go through `asCaller`.
 */
export const seenBy = (ctx: RequestContext | undefined, key: string, a: string): SQL =>
  visibleRows(bindingOf(key), scopeOf(ctx), a) ?? sql`TRUE`;

/** An action's own statement, carrying the caller that `seenBy` conditions read. */
export const asCaller = (ctx: RequestContext | undefined, statement: SQL): SQL => scoped(scopeOf(ctx), statement);

/**
 * Whether user `userId` (a job's user; `null` = internal) may see object `id` of
 * resource `key` — for work that runs outside a request on someone's behalf.
 */
export async function userSees(db: Database, userId: number | null, key: string, id: number): Promise<boolean> {
  if (userId === null) return true;
  const b = bindingOf(key);
  const scope: Scope = { key: "caller", userId };
  const rule = visibleRows(b, scope, "o") ?? sql`TRUE`;
  const rows = rowsOf(
    await db.execute(
      scoped(
        scope,
        sql`SELECT 1 AS x FROM ${sql.raw(`"${b.tableName}"`)} "o" WHERE "o".id = ${id}
          AND ((SELECT u.is_superuser FROM users u WHERE u.id = ${userId}) OR ${rule})`,
      ),
    ),
  );
  return rows.length > 0;
}
