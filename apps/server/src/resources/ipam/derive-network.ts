import type { Database } from "@rackplane/db";
import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { bindingOf, type WriteCheck } from "../../framework/binding";
import type { RequestContext } from "../../framework/context";
import { defaultPageSettings } from "../../framework/pagination";
import { ResourceService } from "../../framework/service";
import { values as sqlValues } from "../../framework/sql";

/**
 * The network of an address: the smallest network of the same environment that
 * contains it (longest prefix), or null when none does. Uses the GiST index on
 * `networks.address`.
 */
export async function networkOfAddress({ tx, values }: WriteCheck) {
  const rows = rowsOf<{ id: number }>(
    await tx.execute(sql`SELECT id FROM networks
      WHERE network_environment_id IS NOT DISTINCT FROM ${values.network_environment_id ?? null}
        AND address >>= ${values.address}::inet
      ORDER BY masklen(address) DESC, id LIMIT 1`),
  );
  return { network_id: rows[0] ? Number(rows[0].id) : null };
}

/**
 * After networks change (created, resized, moved, deleted), re-derives the network
 * of the addresses that could be affected: those linked to the changed networks,
 * those inside them now, and unlinked ones. The addresses that move are found first
 * (and locked), so each gets its change record in the same transaction.
 */
export async function relinkAddresses(tx: Database, ids: number[], ctx: RequestContext | undefined) {
  const moved = rowsOf<{ id: number; nid: number | null }>(
    await tx.execute(sql`
      SELECT d.id, d.nid FROM (
        SELECT i.id, i.network_id, (
          SELECT n.id FROM networks n
          WHERE n.network_environment_id IS NOT DISTINCT FROM i.network_environment_id AND n.address >>= i.address
          ORDER BY masklen(n.address) DESC, n.id LIMIT 1
        ) AS nid
        FROM ip_addresses i
        WHERE i.network_id IS NULL OR i.network_id IN (${sqlValues(ids)})
          OR i.address <<= ANY (SELECT address FROM networks WHERE id IN (${sqlValues(ids)}))
      ) d
      WHERE d.network_id IS DISTINCT FROM d.nid
      ORDER BY d.id`),
  ).map((r) => ({ id: Number(r.id), nid: r.nid === null ? null : Number(r.nid) }));
  if (!moved.length) return;
  const svc = new ResourceService(tx, defaultPageSettings);
  const rows = sql.join(
    moved.map((m) => sql`(${m.id}::int, ${m.nid}::int)`),
    sql`, `,
  );
  await svc.recordedUpdate(
    tx,
    bindingOf("ipam.ip-addresses"),
    moved.map((m) => m.id),
    ctx ?? internal,
    () =>
      tx.execute(sql`UPDATE ip_addresses ip SET network_id = d.nid, updated = now(), updated_by_request = ${ctx?.requestId || null}
      FROM (VALUES ${rows}) AS d(id, nid) WHERE ip.id = d.id`),
  );
}

/** Derived links changed by a write with no request (internal calls) are recorded without one. */
const internal: RequestContext = { requestId: "", baseUrl: "", query: {}, path: "" };

/** A gateway belongs inside its network. */
export async function gatewayInNetwork({ tx, values }: WriteCheck) {
  if (values.gateway == null) return undefined;
  const rows = rowsOf<{ ok: boolean }>(
    await tx.execute(sql`SELECT ${values.address}::cidr >> ${values.gateway}::inet AS ok`),
  );
  return rows[0]?.ok ? undefined : { gateway: [`${values.gateway} is not inside ${values.address}.`] };
}
