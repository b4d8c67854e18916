import { type FieldErrors, resources } from "@rackplane/contract";
import { type Database, rowsOf, schema } from "@rackplane/db";
import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import {
  anyId,
  asCaller,
  type Binding,
  badRequest,
  conflict,
  defineBinding,
  type RequestContext,
  type ResourceService,
  seenBy,
  type WriteCheck,
} from "../../framework";
import { jobsOf } from "../../jobs/accepted";
import { servers } from "../dcim/servers";
import { switches } from "../dcim/switches";
import { mayUseGroup, poolAccess } from "../rules/access";
import { joinTable } from "../rules/join-table";

/** The pool, locked, if the caller may see it (404 otherwise). */
async function visiblePool(svc: ResourceService, tx: Database, b: Binding, id: number, ctx: RequestContext) {
  return (await svc.lockRows(tx, b, [id], ctx)).get(id)!;
}

/**
 * A non-superuser keeps every pool they write in one of their groups. (A parent they
 * cannot see is refused by FK resolution, which sees only their pools.)
 */
function groupAllowed({ values, ctx }: WriteCheck): FieldErrors | undefined {
  if (!mayUseGroup(ctx, values.group_id))
    return { group: ["Choose one of your groups: a pool outside them would be invisible to you."] };
  return undefined;
}

/** What is assigned to a pool: servers and switches differ only in these. */
interface Members {
  table: PgTable;
  binding: Binding;
  /** Body field that named them, for errors. */
  field: string;
  noun: string;
  /** Why an object in another pool is refused. */
  hint: string;
}

/**
 * Puts `ids` into pool `poolId` inside `tx`: locks them, refuses unknown ids and
 * objects in another pool (naming it), writes the change log. One statement to
 * read, one to write, whatever the number of ids.
 */
async function assignMembers(
  svc: ResourceService,
  tx: Database,
  m: Members,
  poolId: number,
  ids: number[],
  ctx: RequestContext,
) {
  const rows = rowsOf<{ id: number; name: string; pool_id: number | null; pool_name: string | null }>(
    await tx.execute(
      asCaller(
        ctx,
        sql`SELECT s.id, s.name, s.resource_pool_id AS pool_id, p.name AS pool_name
      FROM ${m.table} s LEFT JOIN ${schema.pools} p ON p.id = s.resource_pool_id
      WHERE s.id ${anyId(ids)} AND ${seenBy(ctx, m.binding.resource.key, "s")} FOR UPDATE OF s`,
      ),
    ),
  );
  // Objects the caller cannot see are "missing", never named with their pool.
  const missing = ids.filter((w) => !rows.some((r) => r.id === w));
  if (missing.length) throw badRequest({ [m.field]: [`No ${m.noun} matches id ${missing.join(", ")}.`] });
  const taken = rows.filter((r) => r.pool_id !== null && r.pool_id !== poolId);
  if (taken.length)
    throw badRequest({
      [m.field]: taken.map(
        (r) =>
          `${m.noun[0]!.toUpperCase()}${m.noun.slice(1)} ${r.name} (id ${r.id}) is already in pool "${r.pool_name}"${m.hint}.`,
      ),
    });
  await svc.recordedUpdate(tx, m.binding, ids, ctx, () =>
    tx.execute(
      sql`UPDATE ${m.table} SET resource_pool_id = ${poolId}, updated = now(),
            updated_by_request = ${ctx.requestId || null} WHERE id ${anyId(ids)}`,
    ),
  );
}

/**
 * Pools. Assigning is all-or-nothing in one transaction: unknown ids and servers
 * already in another pool (named in the error) refuse the whole request.
 */
export const pools = defineBinding(resources.pools.pools, schema.pools, {
  access: poolAccess,
  // `sub_pools` reads the pools table itself as its "join table": children by `parent_id`.
  joinTables: { sub_pools: joinTable(schema.pools, "parent_id", "id") },
  validate: [groupAllowed],
  actions: ({ svc, binding }) => ({
    assignServers: async ({ params: { id }, body: { servers: serverIds = [], nodes = [] }, ctx, req }) => {
      await jobsOf(req).db.transaction(async (tx) => {
        await visiblePool(svc, tx, binding, id, ctx);
        const ids = new Set(serverIds);
        if (nodes.length) {
          const rows = rowsOf<{ id: number; server_id: number | null }>(
            await tx.execute(
              asCaller(
                ctx,
                sql`SELECT n.id, n.server_id FROM ${schema.nodes} n WHERE n.id ${anyId(nodes)} AND ${seenBy(ctx, "discovery.nodes", "n")}`,
              ),
            ),
          );
          const bad = nodes.filter((n) => !rows.some((r) => r.id === n && r.server_id !== null));
          if (bad.length)
            throw badRequest({ nodes: [`Nodes ${bad.join(", ")} do not exist or have no registered server.`] });
          for (const r of rows) ids.add(r.server_id!);
        }
        const members = {
          table: schema.servers,
          binding: servers,
          field: "servers",
          noun: "server",
          hint: "; remove it first",
        };
        // Nothing named is a no-op (the contract admits two empty lists), not an empty UPDATE.
        if (ids.size) await assignMembers(svc, tx, members, id, [...ids], ctx);
      });
      return { status: 200, body: await svc.retrieve(binding, id, ctx) };
    },
    assignSwitches: async ({ params: { id }, body, ctx, req }) => {
      await jobsOf(req).db.transaction(async (tx) => {
        await visiblePool(svc, tx, binding, id, ctx);
        const members = { table: schema.switches, binding: switches, field: "switches", noun: "switch", hint: "" };
        await assignMembers(svc, tx, members, id, body.switches, ctx);
      });
      return { status: 200, body: await svc.retrieve(binding, id, ctx) };
    },
    createSubPool: async ({ params: { id }, body: { name, description = "" }, ctx, req }) => {
      // A sub-pool belongs to its parent's group: whoever sees the parent sees it.
      const [created] = await jobsOf(req).db.transaction(async (tx) => {
        const parent = await visiblePool(svc, tx, binding, id, ctx);
        return svc.create(binding, [{ name, description, parent: id, group: parent.group_id }], ctx, false, tx);
      });
      if (!created) throw conflict("The sub-pool was not created.");
      return { status: 201, body: created };
    },
  }),
});
