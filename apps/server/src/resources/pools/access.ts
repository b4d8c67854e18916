import { type SQL, sql } from "drizzle-orm";
import type { RequestContext } from "../../framework/context";
import { col } from "../../framework/sql";

/**
 * Pool access by group (domain.md, pools): a non-superuser sees and changes only
 * pools of their groups and the servers in them; everything else is 404 and is
 * left out of lists and counts in SQL. Servers in no pool are the shared
 * inventory (discovery registers servers there, and operators assign them to
 * their pools from there): every caller allowed to read dcim sees them.
 * Superusers and internal calls (jobs, seed) see everything; anonymous readers
 * (RACKPLANE_ANONYMOUS_READ) are users of no groups.
 *
 * Membership is read from `user_groups` in the statement itself (one parameter,
 * the user id), so the SQL text is the same for every user and a group change
 * applies to the next request.
 */

/** The user id whose groups restrict the caller; `undefined` = unrestricted. */
function restrictedTo(ctx: RequestContext): number | null | undefined {
  if (ctx.user) return ctx.user.isSuperuser ? undefined : ctx.user.id;
  return ctx.anonymous ? null : undefined;
}

const myGroups = (uid: number | null) => sql`(SELECT ug.group_id FROM user_groups ug WHERE ug.user_id = ${uid}::int)`;

/** Pools (alias `a`) the caller may see. */
export function poolVisibility(ctx: RequestContext, a: string): SQL | undefined {
  const uid = restrictedTo(ctx);
  return uid === undefined ? undefined : sql`${col(a, "group_id")} IN ${myGroups(uid)}`;
}

/** Servers (alias `a`) the caller may see: in no pool, or in a pool of one of their groups. */
export function serverVisibility(ctx: RequestContext, a: string): SQL | undefined {
  const uid = restrictedTo(ctx);
  if (uid === undefined) return undefined;
  const pool = col(a, "resource_pool_id");
  return sql`(${pool} IS NULL OR ${pool} IN (SELECT vp.id FROM pools vp WHERE vp.group_id IN ${myGroups(uid)}))`;
}

/** Rows of a server's inventory (alias `a`, column `server_id`) follow their server. */
export function serverPartVisibility(ctx: RequestContext, a: string): SQL | undefined {
  const rule = serverVisibility(ctx, "vs");
  return rule && sql`EXISTS (SELECT 1 FROM servers vs WHERE vs.id = ${col(a, "server_id")} AND ${rule})`;
}

/** `sql` condition for hand-written statements: true when unrestricted. */
export const orTrue = (c: SQL | undefined) => c ?? sql`TRUE`;

/** Whether the caller may pick `groupId` as a pool's group (superusers: any). */
export function mayUseGroup(ctx: RequestContext, groupId: unknown): boolean {
  const uid = restrictedTo(ctx);
  if (uid === undefined) return true;
  return groupId != null && (ctx.user?.groupIds ?? []).includes(Number(groupId));
}

/**
 * Jobs (alias `a`) follow the server they act on: a non-superuser sees the jobs
 * they started and jobs on objects other than servers, but not jobs on servers
 * of another group's pool (their params and results describe those servers).
 */
export function jobVisibility(ctx: RequestContext, a: string): SQL | undefined {
  const uid = restrictedTo(ctx);
  if (uid === undefined) return undefined;
  const rule = serverVisibility(ctx, "vs")!;
  return sql`(${col(a, "user_id")} = ${uid}::int OR ${col(a, "object_type")} <> 'dcim.servers'
    OR EXISTS (SELECT 1 FROM servers vs WHERE vs.id = ${col(a, "object_id")} AND ${rule}))`;
}
