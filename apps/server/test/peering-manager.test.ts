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
