import { resources } from "@rackplane/contract";
import { rowsOf, schema } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { defineBinding, type WriteCheck } from "../../framework";

/**
 * The network of an address: the smallest network of the same environment that
 * contains it (longest prefix), or null when none does. Uses the GiST index on
 * `networks.address`.
 */
async function networkOfAddress({ tx, values }: WriteCheck) {
  const rows = rowsOf<{ id: number }>(
    await tx.execute(sql`SELECT id FROM ${schema.networks}
      WHERE network_environment_id IS NOT DISTINCT FROM ${values.network_environment_id ?? null}
        AND address >>= ${values.address}::inet
      ORDER BY masklen(address) DESC, id LIMIT 1`),
  );
  return { network_id: rows[0] ? Number(rows[0].id) : null };
}

/** IP addresses: each is linked to the network it derives (`network`, read-only). */
export const ipAddresses = defineBinding(resources.ipam.ipAddresses, schema.ipAddresses, {
  derive: [networkOfAddress],
});
