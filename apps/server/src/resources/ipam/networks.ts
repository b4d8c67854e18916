import { networkInfo, resources } from "@rackplane/contract";
import { type Database, rowsOf, schema } from "@rackplane/db";
import { sql } from "drizzle-orm";
import {
  conflict,
  defaultPageSettings,
  defineBinding,
  notFound,
  type RequestContext,
  ResourceService,
  values as sqlValues,
  type WriteCheck,
} from "../../framework";
import { ipAddresses } from "./ip-addresses";

/**
 * Networks. A gateway lies inside its network; addresses are re-linked to their
 * smallest containing network whenever networks change; `available-ips` lists and
 * allocates free addresses.
 */
export const networks = defineBinding(resources.ipam.networks, schema.networks, {
  validate: [gatewayInNetwork],
  afterWrite: [relinkAddresses],
  actions: ({ svc }) => ({
    /** `GET networks/<id>/available-ips/`. */
    availableIps: async ({ params: { id }, query }) =>
      svc.transaction(async (tx) => {
        const net = await loadNetwork(tx, id, false);
        const { family } = hostRange(net.address);
        const free = await freeAddresses(tx, net, query.limit ?? 50);
        return { status: 200 as const, body: free.map((address) => ({ address, family })) };
      }),
    // `POST networks/<id>/available-ips/`. The network row is locked for the transaction, so
    // concurrent allocations in one network queue up and each sees the address the previous one took.
    allocateIp: async ({ params: { id }, body, ctx }) =>
      svc.transaction(async (tx) => {
        const net = await loadNetwork(tx, id, true);
        const [address] = await freeAddresses(tx, net, 1);
        if (!address) throw conflict(`Network ${net.address} has no free address.`);
        const item = { ...body, address, network_environment: net.network_environment_id };
        const [created] = await svc.create(ipAddresses, [item], ctx, false, tx);
        return { status: 201 as const, body: created };
      }),
  }),
});

interface NetworkRow {
  id: number;
  address: string;
  network_environment_id: number | null;
  gateway: string | null;
}

async function loadNetwork(db: Database, id: number, lock: boolean): Promise<NetworkRow> {
  const rows = rowsOf<NetworkRow>(
    await db.execute(sql`SELECT id, address::text AS address, network_environment_id, host(gateway) AS gateway
      FROM ${schema.networks} WHERE id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`),
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
        AND NOT EXISTS (SELECT 1 FROM ${schema.ipAddresses} ip
          WHERE ip.address = c.a AND ip.network_environment_id IS NOT DISTINCT FROM ${net.network_environment_id})
      LIMIT ${limit}`),
  );
  return rows.map((r) => r.address);
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
          SELECT n.id FROM ${schema.networks} n
          WHERE n.network_environment_id IS NOT DISTINCT FROM i.network_environment_id AND n.address >>= i.address
          ORDER BY masklen(n.address) DESC, n.id LIMIT 1
        ) AS nid
        FROM ${schema.ipAddresses} i
        WHERE i.network_id IS NULL OR i.network_id IN (${sqlValues(ids)})
          OR i.address <<= ANY (SELECT address FROM ${schema.networks} WHERE id IN (${sqlValues(ids)}))
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
    ipAddresses,
    moved.map((m) => m.id),
    ctx ?? internal,
    () =>
      tx.execute(sql`UPDATE ${schema.ipAddresses} ip SET network_id = d.nid, updated = now(), updated_by_request = ${ctx?.requestId || null}
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
