import type { Database } from "@rackplane/db";
import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import type { WriteCheck } from "../../framework/binding";
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
 * those inside them now, and unlinked ones. One statement.
 */
export async function relinkAddresses(tx: Database, ids: number[]) {
  await tx.execute(sql`
    UPDATE ip_addresses ip SET network_id = d.nid FROM (
      SELECT i.id, (
        SELECT n.id FROM networks n
        WHERE n.network_environment_id IS NOT DISTINCT FROM i.network_environment_id AND n.address >>= i.address
        ORDER BY masklen(n.address) DESC, n.id LIMIT 1
      ) AS nid
      FROM ip_addresses i
      WHERE i.network_id IS NULL OR i.network_id IN (${sqlValues(ids)})
        OR i.address <<= ANY (SELECT address FROM networks WHERE id IN (${sqlValues(ids)}))
    ) d
    WHERE d.id = ip.id AND ip.network_id IS DISTINCT FROM d.nid`);
}

/** A gateway belongs inside its network. */
export async function gatewayInNetwork({ tx, values }: WriteCheck) {
  if (values.gateway == null) return undefined;
  const rows = rowsOf<{ ok: boolean }>(
    await tx.execute(sql`SELECT ${values.address}::cidr >> ${values.gateway}::inet AS ok`),
  );
  return rows[0]?.ok ? undefined : { gateway: [`${values.gateway} is not inside ${values.address}.`] };
}
