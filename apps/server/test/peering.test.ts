import { resources } from "@rackplane/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { secretBox } from "../src/secrets/current";
import { catalogueFixtures } from "./catalogue-fixtures";
import { make, startServer, type TestServer } from "./harness";
import { describeResource } from "./resource-suite";

const { peering } = resources;
const P = "/api/peering";

async function ixFixtures(s: TestServer) {
  const fx = await catalogueFixtures(s);
  const ix = await make(s, `${P}/internet-exchanges/`, { name: "DE-CIX", slug: "de-cix" });
  const as = await make(s, `${P}/autonomous-systems/`, { asn: 4200000001, name: "Private AS" });
  const conn = await make(s, `${P}/ixp-connections/`, {
    internet_exchange: ix.id,
    router: fx.server.id,
    ipv4_address: "80.81.192.1",
  });
  return { ...fx, ix, as, conn };
}

describeResource({
  resource: peering.autonomousSystems,
  create: (_, i) => ({ asn: [65000, 4294967295, 13335][i] ?? 64512 + i, name: `AS ${i}`, irr_as_set: `AS-SET${i}` }),
  update: () => ({ asn: 4200000000, name: "Renamed" }),
  patch: { ipv4_max_prefixes: 100, affiliated: true },
  invalid: [
    { body: () => ({ asn: 0, name: "zero" }), field: "asn" },
    { body: () => ({ asn: 4294967296, name: "too big" }), field: "asn" },
  ],
});

describeResource({
  resource: peering.internetExchanges,
  create: (_, i) => ({ name: `IX ${i}`, slug: `ix-${i}`, status: i ? "Planned" : "active" }),
  update: () => ({ name: "IX updated", slug: "ix-updated" }),
  patch: { description: "patched" },
  invalid: [{ body: () => ({ name: "x", slug: "bad slug" }), field: "slug" }],
  referencedBy: (s, _fx, target) => make(s, `${P}/ixp-connections/`, { internet_exchange: target.id }),
});

describeResource({
  resource: peering.ixpConnections,
  fixtures: ixFixtures,
  create: (fx, i) => ({
    internet_exchange: fx.ix.id,
    router: fx.server.id,
    ipv4_address: `80.81.193.${i + 1}`,
    ipv6_address: `2001:7f8::${i + 1}`,
    vlan: 100 + i,
    mac_address: `00:1A:2B:3C:4D:${10 + i}`,
  }),
  update: (fx) => ({ internet_exchange: { slug: fx.ix.slug }, ipv4_address: "80.81.193.99" }),
  patch: { vlan: 42 },
  invalid: [
    { body: (fx) => ({ internet_exchange: fx.ix.id, ipv4_address: "2001:7f8::1" }), field: "ipv4_address" },
    { body: (fx) => ({ internet_exchange: fx.ix.id, ipv6_address: "80.81.192.9" }), field: "ipv6_address" },
    { body: (fx) => ({ internet_exchange: fx.ix.id, mac_address: "00:1a:2b" }), field: "mac_address" },
  ],
});

describeResource({
  resource: peering.ixpSessions,
  fixtures: ixFixtures,
  create: (fx, i) => ({
    autonomous_system: fx.as.id,
    ixp_connection: fx.conn.id,
    ip_address: `80.81.192.${10 + i}`,
    multihop_ttl: 1 + i,
    passive: i === 1,
    password: `secret-${i}`,
  }),
  update: (fx) => ({ autonomous_system: fx.as.id, ixp_connection: fx.conn.id, ip_address: "80.81.192.99" }),
  patch: { status: "Disabled", is_route_server: true },
  invalid: [
    {
      body: (fx) => ({ autonomous_system: fx.as.id, ixp_connection: fx.conn.id, ip_address: "x" }),
      field: "ip_address",
    },
    {
      body: (fx) => ({
        autonomous_system: fx.as.id,
        ixp_connection: fx.conn.id,
        ip_address: "10.0.0.1",
        multihop_ttl: 0,
      }),
      field: "multihop_ttl",
    },
  ],
});

describe("peering behaviour", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(async () => s?.close());

  it("keeps 32-bit AS numbers unique and filterable beyond the integer range", async () => {
    const a = await make(s, `${P}/autonomous-systems/`, { asn: 4294967295, name: "Top" });
    expect(a.asn).toBe(4294967295);
    expect(a.display).toBe("AS4294967295 Top");
    const dup = await s.post(`${P}/autonomous-systems/`, { asn: 4294967295, name: "Again" });
    expect(dup.status).toBe(409);
    const found = await s.get(`${P}/autonomous-systems/?asn__gte=4000000000`);
    expect(found.body.results.map((x: { id: number }) => x.id)).toEqual([a.id]);
    expect((await s.get(`${P}/autonomous-systems/?asn=4294967296`)).status).toBe(400);
  });

  it("normalises MAC addresses and never returns a session password", async () => {
    const fx = await ixFixtures(s);
    const c = await make(s, `${P}/ixp-connections/`, {
      internet_exchange: fx.ix.id,
      mac_address: "AABB.CCDD.EEFF",
      ipv6_address: "2001:07F8:0000::A",
    });
    expect(c.mac_address).toBe("aa:bb:cc:dd:ee:ff");
    expect(c.ipv6_address).toBe("2001:7f8::a");
    expect((await s.get(`${P}/ixp-connections/?mac_address=AA-BB-CC-DD-EE-FF`)).body.count).toBe(1);

    const sess = await make(s, `${P}/ixp-sessions/`, {
      autonomous_system: fx.as.id,
      ixp_connection: c.id,
      ip_address: "2001:7f8::b",
      password: "md5-secret",
    });
    expect(sess).not.toHaveProperty("password");
    const read = await s.get(`${P}/ixp-sessions/${sess.id}/`);
    expect(JSON.stringify(read.body)).not.toContain("md5-secret");
    const list = await s.get(`${P}/ixp-sessions/?search=md5`);
    expect(list.body.count).toBe(0);
    expect(JSON.stringify((await s.get(`${P}/ixp-sessions/`)).body)).not.toContain("md5-secret");
    const stored = await s.database.db.execute(
      // The key is kept for router configuration (write-only on the API, sealed at rest, not hashed).
      (await import("drizzle-orm")).sql`SELECT password FROM ixp_sessions WHERE id = ${sess.id}`,
    );
    const rows = (Array.isArray(stored) ? stored : (stored as { rows: unknown[] }).rows) as { password: string }[];
    expect(rows[0]!.password).toMatch(/^v2:[0-9a-f]{8}:/);
    expect(rows[0]!.password).not.toContain("md5-secret");
    expect(secretBox().open(rows[0]!.password)).toBe("md5-secret");
    const filter = await s.get(`${P}/ixp-sessions/?password=md5-secret`);
    expect(filter.status).toBe(400);
  });
});
