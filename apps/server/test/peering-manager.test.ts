import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./harness";

// Peering Manager's documented behaviours (shared/seeds/003).
let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => s?.close());

describe("tokens: restoring a token by its key", () => {
  const key = "0123456789abcdef0123456789abcdef01234567";

  it("uses a 40-hex key given on create, once; the restored key authenticates", async () => {
    const made = await s.post("/api/users/tokens/", { key, description: "restored from backup" });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.key).toBe(key);
    expect(made.body.prefix).toBe("01234567");
    const me = await s.as(`Token ${key}`).get("/api/users/me/");
    expect(me.status).toBe(200);
    expect(me.body.username).toBe("admin");

    const again = await s.post("/api/users/tokens/", { key, description: "twice" });
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe("A token with this key already exists.");
    // In a bulk create too (all or none), and a random key when none is sent.
    const bulk = await s.post("/api/users/tokens/", [{ description: "random" }, { key, description: "dup" }]);
    expect(bulk.status).toBe(409);
    expect((await s.get("/api/users/tokens/?description=random")).body.count).toBe(0);
    const two = await s.post("/api/users/tokens/", [
      { description: "random" },
      { key: "fedcba9876543210fedcba9876543210fedcba98" },
    ]);
    expect(two.status).toBe(201);
    expect(two.body[0].key).toMatch(/^[0-9a-f]{40}$/);
    expect(two.body[0].key).not.toBe(key);
    expect(two.body[1].key).toBe("fedcba9876543210fedcba9876543210fedcba98");
  });

  it("refuses a malformed key and any key on update", async () => {
    const bad = await s.post("/api/users/tokens/", { key: "not-a-key" });
    expect(bad.status).toBe(400);
    expect(bad.body.key[0]).toMatch(/0-9a-f/);
    const t = (await s.get("/api/users/tokens/?description=restored+from+backup")).body.results[0];
    const patch = await s.patch(`/api/users/tokens/${t.id}/`, { key: "1111111111111111111111111111111111111111" });
    expect(patch.status).toBe(400);
    expect(patch.body).toEqual({ key: ["A token's key cannot be changed."] });
    // A read-modify-write PUT sends the read's `key: null` back: fine.
    const put = await s.put(`/api/users/tokens/${t.id}/`, { key: null, user: t.user.id, description: "restored" });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect((await s.as(`Token ${key}`).get("/api/users/me/")).status).toBe(200);
  });
});

describe("nested connections and autonomous systems, display", () => {
  it("nests a connection with name, interface and mac_address; AS briefs carry max prefixes; no trailing space", async () => {
    const ix = (await s.post("/api/peering/internet-exchanges/", { name: "AMS-IX", slug: "ams-ix" })).body;
    const conn = await s.post("/api/peering/ixp-connections/", {
      name: "ams-ix-1",
      internet_exchange: ix.id,
      ipv4_address: "80.249.208.1",
      interface: "et-0/0/1",
      mac_address: "00:1c:73:00:00:01",
    });
    expect(conn.status, JSON.stringify(conn.body)).toBe(201);
    expect(conn.body.display).toBe("AMS-IX 80.249.208.1"); // no IPv6 address, no trailing space
    const as = (
      await s.post("/api/peering/autonomous-systems/", {
        asn: 64500,
        name: "Example",
        ipv4_max_prefixes: 100,
        ipv6_max_prefixes: 20,
      })
    ).body;
    const sess = await s.post("/api/peering/ixp-sessions/", {
      autonomous_system: as.id,
      ixp_connection: conn.body.id,
      ip_address: "80.249.208.2",
    });
    expect(sess.status, JSON.stringify(sess.body)).toBe(201);
    expect(sess.body.ixp_connection).toMatchObject({
      id: conn.body.id,
      name: "ams-ix-1",
      interface: "et-0/0/1",
      mac_address: "00:1c:73:00:00:01",
      display: "AMS-IX 80.249.208.1",
    });
    expect(sess.body.autonomous_system).toMatchObject({ asn: 64500, ipv4_max_prefixes: 100, ipv6_max_prefixes: 20 });
    const brief = await s.get(`/api/peering/ixp-connections/${conn.body.id}/?brief=1`);
    expect(Object.keys(brief.body).sort()).toEqual(
      [
        "display",
        "id",
        "interface",
        "internet_exchange",
        "ipv4_address",
        "ipv6_address",
        "mac_address",
        "name",
        "url",
      ].sort(),
    );
  });
});

describe("BGP sessions with Peering Manager's fields, and the resources they need", () => {
  it("takes routing policies, communities, a BGP group, state and counters; filters by them", async () => {
    const P = "/api/peering";
    const imp = (
      await s.post(`${P}/routing-policies/`, { name: "Accept all", slug: "accept-all", type: "import-policy" })
    ).body;
    const exp = (
      await s.post(`${P}/routing-policies/`, { name: "Announce own", slug: "announce-own", type: "Export", weight: 10 })
    ).body;
    const com = await s.post(`${P}/communities/`, {
      name: "Learned at IX",
      slug: "learned-ix",
      value: "64500:100",
      type: "ingress",
    });
    expect(com.status, JSON.stringify(com.body)).toBe(201);
    expect((await s.post(`${P}/communities/`, { name: "bad", slug: "bad", value: "not-a-community" })).status).toBe(
      400,
    );
    const group = (await s.post(`${P}/bgp-groups/`, { name: "Transit", slug: "transit", communities: [com.body.id] }))
      .body;
    expect(group.communities.map((c: { value: string }) => c.value)).toEqual(["64500:100"]);

    const ix = (await s.post(`${P}/internet-exchanges/`, { name: "LINX", slug: "linx" })).body;
    const conn = (await s.post(`${P}/ixp-connections/`, { internet_exchange: ix.id, ipv4_address: "195.66.224.1" }))
      .body;
    const as = await s.post(`${P}/autonomous-systems/`, {
      asn: 64501,
      name: "Peer",
      import_routing_policies: [{ slug: "accept-all" }],
      communities: [com.body.id],
      local_context_data: { tier: 2 },
    });
    expect(as.status, JSON.stringify(as.body)).toBe(201);
    expect(as.body.import_routing_policies.map((p: { slug: string }) => p.slug)).toEqual(["accept-all"]);

    const sess = await s.post(`${P}/ixp-sessions/`, {
      autonomous_system: as.body.id,
      ixp_connection: conn.id,
      ip_address: "195.66.224.2",
      status: "requested",
      bgp_state: "established",
      received_prefix_count: 120,
      advertised_prefix_count: 3,
      last_established_state: "2026-11-30T12:00:00Z",
      import_routing_policies: [imp.id],
      export_routing_policies: [{ slug: "announce-own" }],
      communities: [com.body.id],
      bgp_group: group.id,
      local_context_data: { note: "LINX LON1" },
      exists_in_peeringdb: true,
      is_abandoned: false,
      service_reference: "IX-LINX-0001",
    });
    expect(sess.status, JSON.stringify(sess.body)).toBe(201);
    expect(sess.body).toMatchObject({
      status: { value: "requested", label: "Requested" },
      bgp_state: { value: "established", label: "Established" },
      received_prefix_count: 120,
      advertised_prefix_count: 3,
      exists_in_peeringdb: true,
      is_abandoned: false,
      service_reference: "IX-LINX-0001",
      local_context_data: { note: "LINX LON1" },
      bgp_group: { id: group.id },
    });
    expect(sess.body.export_routing_policies.map((p: { id: number }) => p.id)).toEqual([exp.id]);
    expect(new Date(sess.body.last_established_state).toISOString()).toBe("2026-11-30T12:00:00.000Z");
    const q = async (query: string) => (await s.get(`${P}/ixp-sessions/?${query}`)).body.count;
    expect(await q("bgp_state=established")).toBe(1);
    expect(await q(`communities=${com.body.id}`)).toBe(1);
    expect(await q("received_prefix_count__gte=100")).toBe(1);
    expect(await q("status=requested")).toBe(1);
    const dup = await s.post(`${P}/ixp-sessions/`, {
      autonomous_system: as.body.id,
      ixp_connection: conn.id,
      ip_address: "195.66.224.3",
      service_reference: "IX-LINX-0001",
    });
    expect(dup.status).toBe(409);
  });
});
