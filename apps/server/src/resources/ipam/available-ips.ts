import { networkInfo } from "@rackplane/contract";
import { type Database, rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { type Binding, bindingOf } from "../../framework/binding";
import { conflict, notFound } from "../../framework/errors";
import type { ResourceService } from "../../framework/service";
import type { Handler } from "../../http/handler";

interface NetworkRow {
  id: number;
  address: string;
  network_environment_id: number | null;
  gateway: string | null;
}

async function loadNetwork(db: Database, id: number, lock: boolean): Promise<NetworkRow> {
  const rows = rowsOf<NetworkRow>(
    await db.execute(sql`SELECT id, address::text AS address, network_environment_id, host(gateway) AS gateway
      FROM networks WHERE id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`),
  );
  if (!rows[0]) throw notFound(`No Network matches id ${id}.`);
  return rows[0];
}

/** Offsets of the usable hosts: not the network or IPv4 broadcast address, except in /31-/32 and /127-/128. */
function hostRange(cidr: string): { first: bigint; last: bigint; bits: number; family: 4 | 6 } {
  const { family, prefix, bits } = networkInfo(cidr);
  const size = 1n << BigInt(bits - prefix);
  const pointToPoint = bits - prefix <= 1;
  const first = pointToPoint ? 0n : 1n;
  let last = pointToPoint ? size - 1n : family === 4 ? size - 2n : size - 1n;
  if (last > 1n << 62n) last = 1n << 62n; // stays inside bigint; nobody walks 2^62 addresses
  return { first, last, bits, family };
}

/**
 * The first `limit` free addresses. `generate_series` sits in the select list so
 * PostgreSQL produces offsets lazily (a FROM-clause function would be materialised
 * whole — fatal for an IPv6 /64); each candidate is one index probe.
 */
async function freeAddresses(db: Database, net: NetworkRow, limit: number): Promise<string[]> {
  const { first, last, bits } = hostRange(net.address);
  const rows = rowsOf<{ address: string }>(
    await db.execute(sql`SELECT host(c.a) AS address FROM (
        SELECT set_masklen(network(${net.address}::inet), ${bits}) + generate_series(${String(first)}::bigint, ${String(last)}::bigint) AS a
      ) c
      WHERE c.a IS DISTINCT FROM ${net.gateway}::inet
        AND NOT EXISTS (SELECT 1 FROM ip_addresses ip
          WHERE ip.address = c.a AND ip.network_environment_id IS NOT DISTINCT FROM ${net.network_environment_id})
      LIMIT ${limit}`),
  );
  return rows.map((r) => r.address);
}

/** `GET`/`POST networks/<id>/available-ips/`. */
export function availableIpsActions(svc: ResourceService, _b: Binding): Record<string, Handler> {
  return {
    availableIps: async ({ params, query }) =>
      svc.transaction(async (tx) => {
        const net = await loadNetwork(tx, params.id as number, false);
        const { family } = hostRange(net.address);
        const free = await freeAddresses(tx, net, (query.limit as number | undefined) ?? 50);
        return { status: 200, body: free.map((address) => ({ address, family })) };
      }),
    // The network row is locked for the transaction, so concurrent allocations in
    // one network queue up and each sees the address the previous one took.
    allocateIp: async ({ params, body, ctx }) =>
      svc.transaction(async (tx) => {
        const net = await loadNetwork(tx, params.id as number, true);
        const [address] = await freeAddresses(tx, net, 1);
        if (!address) throw conflict(`Network ${net.address} has no free address.`);
        const item = { ...(body as Record<string, unknown>), address, network_environment: net.network_environment_id };
        const [created] = await svc.create(bindingOf("ipam.ip-addresses"), [item], ctx, false, tx);
        return { status: 201, body: created };
      }),
  };
}
