import { sql } from "drizzle-orm";
import { type Access, callerGroups, callerId, col, type RequestContext } from "../../framework";

/**
 * Pool access by group (domain.md, pools): a non-superuser sees and changes only
 * pools of their groups and what is in them; everything else is 404, left out of
 * lists and counts, and "no match" wherever it is named — rules the data layer
 * (framework/scope.ts) applies on every path that reaches these tables. Servers and
 * switches in no pool are the shared inventory (discovery registers servers there,
 * and operators assign them to their pools from there): every caller allowed to
 * read dcim sees them. Superusers and internal calls (jobs, seed) see everything;
 * anonymous readers (RACKPLANE_ANONYMOUS_READ) are users of no groups.
 */

/** Pools of the caller's groups. */
export const poolAccess: Access = { rule: (a) => sql`${col(a, "group_id")} IN ${callerGroups}` };

/** Servers and switches go with their pool (none: shared inventory); pools are few. */
export const pooledAccess: Access = { follows: "resource_pool", small: true };

/** A server's inventory parts and its discovery node go with the server. */
export const serverPartAccess: Access = { follows: "server" };

/**
 * Jobs follow the object they act on (their params and results describe it); the
 * caller also sees the jobs they started.
 */
export const jobAccess: Access = { objects: { type: "object_type", id: "object_id", owner: "user_id" } };

/**
 * Change records follow the object they are about; a record of an object that is
 * gone is seen by the user who made it (superusers see all).
 */
export const objectChangeAccess: Access = {
  objects: { type: "object_type", id: "object_id", owner: "user_id", ownerSees: "gone" },
};

/** The polymorphic asset list follows each asset's own rule. */
export const baseObjectAccess: Access = {
  objects: { type: "type", id: "id", types: { server: "dcim.servers", switch: "dcim.switches" } },
};

/** A token is seen and managed by its user only. */
export const tokenAccess: Access = { rule: (a) => sql`${col(a, "user_id")} = ${callerId}` };

/** Whether the caller may pick `groupId` as a pool's group (superusers: any). */
export function mayUseGroup(ctx: RequestContext, groupId: unknown): boolean {
  if (!ctx.user) return !ctx.anonymous;
  if (ctx.user.isSuperuser) return true;
  return groupId != null && ctx.user.groupIds.includes(Number(groupId));
}
