import { type Database, rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { loginWithProfile } from "../baremetal/bmc-login";
import { serverOfBmc, storeInventory } from "../baremetal/inventory-store";
import { userSees } from "../framework/scope";
import { actorOfJob, recordedWrite } from "../jobs/changes";
import { defineJob } from "../jobs/registry";
import { readInventory } from "../redfish/inventory";

export const REGISTER_JOB = "discovery.register";

interface NodeRow {
  id: number;
  address: string;
  port: number;
  bmc_url: string;
  server_id: number | null;
}

/**
 * Registers a node: logs in with the auth profile, reads the whole inventory,
 * then writes the server and its parts in one transaction — a failure before
 * that (wrong credentials, BMC gone) writes nothing but the node's error.
 */
defineJob<{ node: number; auth_profile: number }>(REGISTER_JOB, async ({ job, params, db, signal, progress }) => {
  const [node] = rowsOf<NodeRow>(
    await db.execute(
      sql`SELECT id, host(address) AS address, port, bmc_url, server_id FROM nodes WHERE id = ${params.node}`,
    ),
  );
  if (!node) throw new Error(`Node ${params.node} no longer exists.`);
  try {
    const client = await loginWithProfile(db, node.bmc_url, params.auth_profile, signal);
    await progress(15);
    const inv = await readInventory(client, progress);
    await progress(90);
    const serverId = await db.transaction(async (t) => {
      const tx = t as Database;
      // A server found by its BMC URL is adopted only if the job's user may see it: a
      // registration never writes into (or reveals) another group's server — it makes a new one.
      const found = node.server_id ?? (await serverOfBmc(tx, node.bmc_url));
      const known =
        found !== null && !node.server_id && !(await userSees(tx, job.user_id, "dcim.servers", found)) ? null : found;
      // The server's creation or update is in the change log under the job's user.
      const id = await recordedWrite(tx, actorOfJob(job), "dcim.servers", known, async () => {
        const sid = await storeInventory(tx, inv, {
          serverId: known,
          bmcUrl: node.bmc_url,
          fallbackName: `${node.address}-${node.port}`,
        });
        // Both directions of the link (domain.md: servers.node, nodes.server), in this one place.
        await tx.execute(sql`UPDATE servers SET node_id = ${node.id} WHERE id = ${sid}`);
        return sid;
      });
      await tx.execute(sql`UPDATE nodes SET status = 'registered', server_id = ${id}, registered_with_id = ${params.auth_profile},
          vendor = CASE WHEN vendor = '' THEN ${inv.system.manufacturer} ELSE vendor END, last_error = '', last_seen = now(), updated = now()
        WHERE id = ${node.id}`);
      return id;
    });
    return { server: serverId, system: inv.system.id, unknown: inv.unknown };
  } catch (e) {
    if (!signal.aborted)
      await db.execute(sql`UPDATE nodes SET status = 'failed', last_error = ${(e as Error).message}, updated = now()
        WHERE id = ${node.id}`);
    throw e;
  }
});
