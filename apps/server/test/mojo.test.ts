import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentPeer, waitJob } from "./baremetal-support";
import { make, startServer, type TestServer } from "./harness";

// MOJO's documented behaviours (shared/seeds/004), URLs in Rackplane's scheme
// (`/api/node_discovery/auth_profile/` is `/api/discovery/auth-profiles/`).
let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => s?.close());

describe("auth profiles", () => {
  it('replays "Create a Profile": {node_classification, bmc} alone, the name derived', async () => {
    const r = await s.post("/api/discovery/auth-profiles/", {
      node_classification: "Dell Servers - DC1",
      bmc: "redfish",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.name).toBe("Dell Servers - DC1");
    expect(r.body.bmc.value).toBe("redfish");
    // The second example of the document, then the same classification again, then none at all.
    const rack5 = await s.post("/api/discovery/auth-profiles/", {
      node_classification: "Dell DC Rack 5",
      bmc: "redfish",
    });
    expect(rack5.body.name).toBe("Dell DC Rack 5");
    const again = await s.post("/api/discovery/auth-profiles/", [
      { node_classification: "Dell DC Rack 5", bmc: "redfish" },
      { node_classification: "Dell DC Rack 5", bmc: "ipmi" },
      { bmc: "ipmi" },
    ]);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.map((p: { name: string }) => p.name)).toEqual([
      "Dell DC Rack 5 (2)",
      "Dell DC Rack 5 (3)",
      "IPMI profile",
    ]);
    // "Add Credentials to a Profile", as written.
    const cred = await s.post(`/api/discovery/auth-profiles/${r.body.id}/credentials/`, {
      username: "admin",
      password: "your_bmc_password",
    });
    expect(cred.status).toBe(201);
    // A PATCH without a name keeps it; an explicit name still wins and stays unique (409).
    const kept = await s.patch(`/api/discovery/auth-profiles/${r.body.id}/`, { description: "DC1" });
    expect(kept.body.name).toBe("Dell Servers - DC1");
    expect((await s.post("/api/discovery/auth-profiles/", { name: "Dell DC Rack 5" })).status).toBe(409);
  });
});

describe("search as MOJO documents it", () => {
  it("finds scan ranges by name, IP range and status; nodes by vendor, product, status and URL", async () => {
    const rack1 = await make(s, "/api/discovery/scan-ranges/", {
      name: "Data Center Rack 1",
      ip_from: "10.0.1.1",
      ip_to: "10.0.1.50",
      ports: [443],
    });
    await make(s, "/api/discovery/scan-ranges/", { name: "DC Rack 5", ip_from: "10.50.5.1", ip_to: "10.50.5.254" });
    const ranges = async (q: string) =>
      (await s.get(`/api/discovery/scan-ranges/?search=${q}`)).body.results.map((r: { name: string }) => r.name);
    expect(await ranges("Rack+1")).toEqual(["Data Center Rack 1"]);
    expect(await ranges("10.50.5")).toEqual(["DC Rack 5"]);
    expect(await ranges("10.0.1.50")).toEqual(["Data Center Rack 1"]);
    expect(await ranges("ready")).toHaveLength(2);
    expect(await ranges("scanning")).toEqual([]);

    await make(s, "/api/discovery/nodes/", {
      address: "10.0.1.7",
      port: 443,
      vendor: "Dell Inc.",
      product: "PowerEdge R650",
      bmc_url: "https://10.0.1.7",
      scan_range: rack1.id,
    });
    await make(s, "/api/discovery/nodes/", {
      address: "10.0.1.8",
      port: 443,
      vendor: "HPE",
      product: "ProLiant DL360",
      bmc_url: "https://ilo-8.example",
      status: "failed",
    });
    const nodes = async (q: string) =>
      (await s.get(`/api/discovery/nodes/?search=${q}`)).body.results.map((n: { address: string }) => n.address);
    expect(await nodes("dell")).toEqual(["10.0.1.7"]);
    expect(await nodes("proliant")).toEqual(["10.0.1.8"]);
    expect(await nodes("discovered")).toEqual(["10.0.1.7"]);
    expect(await nodes("Failed")).toEqual(["10.0.1.8"]);
    expect(await nodes("ilo-8.example")).toEqual(["10.0.1.8"]);
  });
});

describe("a server in a running deployment or firmware update is held by it", () => {
  it("cannot be removed from its pool, deleted, moved, or given a second deploy/update: 409 naming the job", async () => {
    const bmc = await silentPeer(); // accepts and never answers: the deployment stays running
    try {
      const profile = await make(s, "/api/discovery/auth-profiles/", { node_classification: "held", bmc: "redfish" });
      await make(s, `/api/discovery/auth-profiles/${profile.id}/credentials/`, {
        username: "root",
        password: "calvin",
      });
      const pool = await make(s, "/api/pools/pools/", { name: "held-pool" });
      const other = await make(s, "/api/pools/pools/", { name: "other-pool" });
      const maker = await make(s, "/api/dcim/manufacturers/", { name: "Held", slug: "held" });
      const model = await make(s, "/api/dcim/asset-models/", {
        name: "held-model",
        manufacturer: maker.id,
        category: "server",
      });
      const server = await make(s, "/api/dcim/servers/", {
        name: "held-01",
        bmc_url: `http://127.0.0.1:${bmc.port}`,
        resource_pool: pool.id,
        asset_model: model.id,
      });
      // The server's BMC as registration leaves it (a registered discovery node).
      await s.database.db.execute(sql`INSERT INTO nodes (address, port, bmc_url, status, server_id, registered_with_id)
        VALUES ('127.0.0.1', ${bmc.port}, ${`http://127.0.0.1:${bmc.port}`}, 'registered', ${server.id}, ${profile.id})`);
      const image = await make(s, "/api/firmware/os-images/", {
        name: "Ubuntu",
        version: "24.04",
        file_url: "http://127.0.0.1:9/os.iso",
      });
      const fw = await make(s, "/api/firmware/firmware/", {
        name: "BIOS",
        version: "2.0",
        file_url: "http://127.0.0.1:9/bios.bin",
        asset_models: [model.id],
      });

      const deploy = await s.post(`/api/dcim/servers/${server.id}/deploy_os/`, { os_image: image.id });
      expect(deploy.status, JSON.stringify(deploy.body)).toBe(202);
      const job = deploy.body.id as number;
      const named = new RegExp(`held-01 is in an OS deployment \\(job ${job}, (pending|running)`);

      const second = await s.post(`/api/dcim/servers/${server.id}/deploy_os/`, { os_image: image.id });
      expect(second.status).toBe(409);
      expect(second.body.detail).toMatch(named);
      const update = await s.post(`/api/dcim/servers/${server.id}/update_firmware/`, { firmware: fw.id });
      expect(update.status).toBe(409);
      expect(update.body.detail).toMatch(/^Cannot update firmware while server held-01/);
      const removed = await s.post("/api/dcim/servers/remove_from_pool/", { servers: [server.id] });
      expect(removed.status).toBe(409);
      expect(removed.body.detail).toMatch(named);
      const moved = await s.patch(`/api/dcim/servers/${server.id}/`, { resource_pool: other.id });
      expect(moved.status).toBe(409);
      const unpooled = await s.patch(`/api/dcim/servers/${server.id}/`, { resource_pool: null });
      expect(unpooled.status).toBe(409);
      const deleted = await s.del(`/api/dcim/servers/${server.id}/`);
      expect(deleted.status).toBe(409);
      expect(deleted.body.detail).toMatch(named);
      expect((await s.del("/api/dcim/servers/", [{ id: server.id }])).status).toBe(409);
      // Other changes to the server are fine meanwhile.
      expect((await s.patch(`/api/dcim/servers/${server.id}/`, { sku: "SKU-1" })).status).toBe(200);
      const [row] = rowsOf<{ pool: number }>(
        await s.database.db.execute(sql`SELECT resource_pool_id AS pool FROM servers WHERE id = ${server.id}`),
      );
      expect(row!.pool).toBe(pool.id);

      // Once the job is over, the same requests go through.
      expect((await s.post(`/api/core/jobs/${job}/cancel/`)).status).toBe(200);
      await waitJob(s, job);
      const after = await s.post("/api/dcim/servers/remove_from_pool/", { servers: [server.id] });
      expect(after.status, JSON.stringify(after.body)).toBe(200);
      expect(after.body.removed).toBe(1);
    } finally {
      await bmc.close();
    }
  });
});

describe("IPAM: an address's assigned ethernet interface", () => {
  it("is an FK to the server's ethernet interfaces, nested on read, filterable, cleared when the interface goes", async () => {
    const server = await make(s, "/api/dcim/servers/", { name: "ip-host" });
    const [nic] = rowsOf<{ id: number }>(
      await s.database.db.execute(sql`INSERT INTO server_ethernet_interfaces (server_id, name, mac, link_status)
        VALUES (${server.id}, 'NIC.Integrated.1-1', 'b0:7b:25:00:00:01', 'LinkUp') RETURNING id`),
    );
    const ip = await s.post("/api/ipam/ip-addresses/", { address: "10.9.0.5", assigned_interface: nic!.id });
    expect(ip.status, JSON.stringify(ip.body)).toBe(201);
    expect(ip.body.assigned_interface).toMatchObject({ id: nic!.id, display: "NIC.Integrated.1-1" });
    const byMac = await s.post("/api/ipam/ip-addresses/", {
      address: "10.9.0.6",
      assigned_interface: { mac: "b0:7b:25:00:00:01" },
    });
    expect(byMac.status, JSON.stringify(byMac.body)).toBe(201);
    expect(byMac.body.assigned_interface.id).toBe(nic!.id);
    const listed = await s.get(`/api/ipam/ip-addresses/?assigned_interface=${nic!.id}`);
    expect(listed.body.count).toBe(2);
    expect((await s.get("/api/ipam/ip-addresses/?assigned_interface__isnull=true")).body.count).toBe(0);
    const bad = await s.post("/api/ipam/ip-addresses/", { address: "10.9.0.7", assigned_interface: 999999 });
    expect(bad.status).toBe(400);
    expect(bad.body.assigned_interface).toBeDefined();
    await s.database.db.execute(sql`DELETE FROM server_ethernet_interfaces WHERE id = ${nic!.id}`);
    expect((await s.get(`/api/ipam/ip-addresses/${ip.body.id}/`)).body.assigned_interface).toBeNull();
  });
});
