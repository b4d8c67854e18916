import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { make, startServer, type TestServer } from "./harness";

/**
 * Inventory rows hold what a BMC reported as it reported it: a firmware component
 * that does not say whether it is updateable is null (the BIOS row the registration
 * adds is), a storage's capacity is a whole number of bytes beyond 32 bits. The test
 * server validates every response against the contract and the OpenAPI document, so a
 * declaration that disagreed with these columns would answer 500 here.
 */
describe("server inventory values", () => {
  let s: TestServer;
  let server: number;
  beforeAll(async () => {
    s = await startServer();
    server = (await make(s, "/api/dcim/servers/", { name: "inv-1" })).id;
    // Rows as the inventory store writes them after a Redfish read (no BMC needed for that).
    await s.database.db.execute(sql`INSERT INTO server_firmwares (server_id, name, version, updateable)
      VALUES (${server}, 'BIOS', '2.1', NULL), (${server}, 'NIC', '7.0', true)`);
    await s.database.db.execute(sql`INSERT INTO server_storages (server_id, name, capacity_bytes)
      VALUES (${server}, 'RAID', 8000000000000), (${server}, 'empty', NULL)`);
  });
  afterAll(() => s?.close());

  it("reads a firmware's unknown updateable as null and filters on it", async () => {
    const all = await s.get(`/api/dcim/server-firmwares/?server=${server}&ordering=name`);
    expect(all.status).toBe(200);
    expect(all.body.results.map((f: { name: string; updateable: unknown }) => [f.name, f.updateable])).toEqual([
      ["BIOS", null],
      ["NIC", true],
    ]);
    const unknown = await s.get(`/api/dcim/server-firmwares/?server=${server}&updateable__isnull=true`);
    expect(unknown.status).toBe(200);
    expect(unknown.body.results.map((f: { name: string }) => f.name)).toEqual(["BIOS"]);
    const known = await s.get(`/api/dcim/server-firmwares/?server=${server}&updateable__isnull=false`);
    expect(known.body.results.map((f: { name: string }) => f.name)).toEqual(["NIC"]);
  });

  it("reads and filters a storage's capacity as whole bytes beyond 32 bits", async () => {
    const big = await s.get(`/api/dcim/server-storages/?server=${server}&capacity_bytes__gte=4294967296`);
    expect(big.status).toBe(200);
    expect(big.body.results).toMatchObject([{ name: "RAID", capacity_bytes: 8000000000000 }]);
    // A fraction is not a number of bytes: a 400 naming the parameter, not an empty page.
    const fraction = await s.get(`/api/dcim/server-storages/?capacity_bytes=1.5`);
    expect(fraction.status).toBe(400);
    expect(Object.keys(fraction.body)).toContain("capacity_bytes");
    // The server's own view of its parts (its `storages/` action) reads them the same way.
    const storages = await s.get(`/api/dcim/servers/${server}/storages/`);
    expect(storages.status).toBe(200);
    const byName = Object.fromEntries(
      storages.body.results.map((x: { name: string; capacity_bytes: unknown }) => [x.name, x.capacity_bytes]),
    );
    expect(byName).toEqual({ RAID: 8000000000000, empty: null });
  });
});
