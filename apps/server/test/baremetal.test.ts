import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageServer, runJob, silentPeer, waitJob } from "./baremetal-support";
import { type Bmc, DEFAULT_BMC_USER, startBmc, startBmcs, stopBmcs } from "./bmc";
import { make, startServer, type TestServer } from "./harness";
import { freePort } from "./net";

// The bare-metal lifecycle against real sushy-emulator BMCs on loopback.
describe("discovery, registration and server actions over Redfish", () => {
  let s: TestServer;
  let bmcs: Bmc[] = [];
  let closedPort: number;
  let profile: { id: number };
  let range: { id: number };

  beforeAll(async () => {
    // Read by the scan job and the range check from the environment; restored in afterAll
    // (test files share their worker process).
    process.env.RACKPLANE_SCAN_TIMEOUT_MS = "1500";
    process.env.RACKPLANE_SCAN_MAX_ADDRESSES = "256";
    [s, bmcs, closedPort] = await Promise.all([startServer(), startBmcs(2), freePort()]);
    profile = await make(s, "/api/discovery/auth-profiles/", { name: "lab", bmc: "redfish" });
    // A wrong login first: registration must fall through to the next credential. Added under
    // the profile (its sub-resource) and through the flat credentials list: the same rows.
    await make(s, `/api/discovery/auth-profiles/${profile.id}/credentials/`, {
      username: "admin",
      password: "wrong",
      priority: 1,
    });
    await make(s, "/api/discovery/credentials/", {
      auth_profile: profile.id,
      username: DEFAULT_BMC_USER.username,
      password: DEFAULT_BMC_USER.password,
      priority: 2,
    });
    range = await make(s, "/api/discovery/scan-ranges/", {
      name: "loopback",
      ip_from: "127.0.0.1",
      ip_to: "127.0.0.1",
      ports: [...bmcs.map((b) => b.port), closedPort],
    });
  }, 60_000);
  afterAll(async () => {
    delete process.env.RACKPLANE_SCAN_TIMEOUT_MS;
    delete process.env.RACKPLANE_SCAN_MAX_ADDRESSES;
    await s?.close();
    await stopBmcs(bmcs);
  });

  it("stores BMC passwords encrypted and never reads them back", async () => {
    const rows = rowsOf<{ password: string }>(await s.database.db.execute(sql`SELECT password FROM credentials`));
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.password).toMatch(/^v2:[0-9a-f]{8}:/);
      expect(r.password).not.toContain(DEFAULT_BMC_USER.password);
      expect(r.password).not.toContain("wrong");
    }
    const list = await s.get(`/api/discovery/credentials/?auth_profile=${profile.id}`);
    expect(list.body.count).toBe(2);
    expect(list.body.results[0]).not.toHaveProperty("password");
    expect(list.body.results.map((c: { priority: number }) => c.priority)).toEqual([1, 2]);

    const nested = await s.get(`/api/discovery/auth-profiles/${profile.id}/credentials/`);
    expect(nested.status).toBe(200);
    expect(nested.body.results).toEqual(list.body.results);
    expect(nested.body.results[0]).toMatchObject({ username: "admin", auth_profile: { id: profile.id } });
    expect((await s.get("/api/discovery/auth-profiles/999999/credentials/")).status).toBe(404);
    expect(
      (await s.post("/api/discovery/auth-profiles/999999/credentials/", { username: "x", password: "y" })).status,
    ).toBe(404);
    const missing = await s.post(`/api/discovery/auth-profiles/${profile.id}/credentials/`, { password: "y" });
    expect(missing.status).toBe(400);
    expect(missing.body).toHaveProperty("username");
    const other = await make(s, "/api/discovery/auth-profiles/", { name: "other" });
    const moved = await s.post(`/api/discovery/auth-profiles/${profile.id}/credentials/`, {
      username: "x",
      password: "y",
      auth_profile: other.id,
    });
    expect(moved.status).toBe(400); // the profile comes from the URL only
    expect((await s.get(`/api/discovery/auth-profiles/${profile.id}/`)).body.credentials_count).toBe(2);
    expect((await s.del(`/api/discovery/auth-profiles/${other.id}/`)).status).toBe(204);
  });

  it("refuses a range larger than the limit and bad ports, naming the field", async () => {
    const big = await s.post("/api/discovery/scan-ranges/", { name: "big", ip_from: "127.0.0.1", ip_to: "127.0.10.1" });
    expect(big.status).toBe(400);
    expect(big.body.ip_to[0]).toMatch(/at most 256/);
    const backwards = await s.post("/api/discovery/scan-ranges/", {
      name: "b",
      ip_from: "127.0.0.9",
      ip_to: "127.0.0.1",
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body).toHaveProperty("ip_to");
    const ports = await s.post("/api/discovery/scan-ranges/", {
      name: "p",
      ip_from: "127.0.0.1",
      ip_to: "127.0.0.1",
      ports: [0],
    });
    expect(ports.status).toBe(400);
    expect(ports.body).toHaveProperty("ports");
    const unknown = await s.post("/api/discovery/run_scan/", { scan_ranges: [99999] });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toHaveProperty("scan_ranges");
  });

  it("scans the range: 202 + job, finds each BMC once, rescans update", async () => {
    const job = await runJob(s, "/api/discovery/run_scan/", { scan_ranges: [range.id] });
    expect(job.status.value).toBe("completed");
    expect(job.progress).toBe(100);
    expect(job.kind).toBe("discovery.scan");
    expect(job.result).toMatchObject({ probed: 3, found: 2 });
    const nodes = await s.get("/api/discovery/nodes/?ordering=port");
    expect(nodes.body.count).toBe(2);
    expect(nodes.body.results.map((n: { port: number }) => n.port)).toEqual(
      bmcs.map((b) => b.port).sort((a, b) => a - b),
    );
    expect(nodes.body.results[0]).toMatchObject({ address: "127.0.0.1", status: { value: "discovered" } });
    expect(nodes.body.results[0].bmc_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const again = await runJob(s, "/api/discovery/run_scan/", { scan_ranges: [range.id] });
    expect(again.result.found).toBe(2);
    expect((await s.get("/api/discovery/nodes/")).body.count).toBe(2);
    const r = await s.get(`/api/discovery/scan-ranges/${range.id}/`);
    expect(r.body).toMatchObject({ status: { value: "ready" }, nodes_found: 2 });
    expect(r.body.last_scanned).not.toBeNull();
  });

  it("a range with no BMCs completes with nothing found", async () => {
    const empty = await make(s, "/api/discovery/scan-ranges/", {
      name: "empty",
      ip_from: "127.0.0.1",
      ip_to: "127.0.0.1",
      ports: [closedPort],
    });
    const job = await runJob(s, "/api/discovery/run_scan/", { scan_ranges: [empty.id] });
    expect(job.status.value).toBe("completed");
    expect(job.result).toMatchObject({ probed: 1, found: 0 });
  });

  const nodeOn = async (bmc: Bmc) =>
    (await s.get(`/api/discovery/nodes/?port=${bmc.port}`)).body.results[0] as {
      id: number;
      status: { value: string };
    };

  it("registers a node into a server with its inventory; re-registering updates, never duplicates", async () => {
    const node = await nodeOn(bmcs[0]!);
    const job = await runJob(s, `/api/discovery/nodes/${node.id}/register/`, { auth_profile: profile.id });
    expect(job.error.slice(-300)).toBe("");
    expect(job.status.value).toBe("completed");
    expect(job.object_type).toBe("discovery.nodes");
    // sushy's fake driver serves no Processors and no FirmwareInventory: recorded as unknown.
    expect(job.result.unknown).toEqual(expect.arrayContaining(["processors", "firmwares"]));
    const serverId = job.result.server as number;
    const server = (await s.get(`/api/dcim/servers/${serverId}/`)).body;
    expect(server).toMatchObject({
      manufacturer: "Sushy Emulator",
      bmc_url: bmcs[0]!.url,
      power_state: { value: "off" },
      node: { id: node.id }, // both directions of the link: servers.node and nodes.server
    });
    const nics = (await s.get(`/api/dcim/servers/${serverId}/ethernet_interfaces/`)).body;
    expect(nics.count).toBe(1);
    expect(nics.results[0].mac).toBe(bmcs[0]!.mac);
    const storages = (await s.get(`/api/dcim/servers/${serverId}/storages/`)).body;
    expect(storages.count).toBe(1);
    expect(storages.results[0]).toMatchObject({ capacity_bytes: 899527000000 });
    expect(storages.results[0].drives[0]).toMatchObject({ name: "Drive 0", protocol: "SAS" });
    expect((await s.get(`/api/dcim/servers/${serverId}/processors/`)).body.count).toBe(0);
    expect((await s.get("/api/dcim/servers/999999/processors/")).status).toBe(404);
    const registered = (await s.get(`/api/discovery/nodes/${node.id}/`)).body;
    expect(registered).toMatchObject({ status: { value: "registered" }, server: { id: serverId } });

    const again = await runJob(s, `/api/discovery/nodes/${node.id}/register/`, { auth_profile: profile.id });
    expect(again.result.server).toBe(serverId);
    expect((await s.get("/api/dcim/servers/")).body.count).toBe(1);
    expect((await s.get(`/api/dcim/server-ethernet-interfaces/?server=${serverId}`)).body.count).toBe(1);
  });

  it("wrong credentials: the job fails with a clear error and writes no server", async () => {
    const bad = await make(s, "/api/discovery/auth-profiles/", { name: "bad" });
    await make(s, "/api/discovery/credentials/", { auth_profile: bad.id, username: "root", password: "calvin" });
    const node = await nodeOn(bmcs[1]!);
    const servers = (await s.get("/api/dcim/servers/")).body.count;
    const job = await runJob(s, `/api/discovery/nodes/${node.id}/register/`, { auth_profile: bad.id });
    expect(job.status.value).toBe("failed");
    expect(job.error).toMatch(/refused every credential.*"root"/);
    expect((await s.get("/api/dcim/servers/")).body.count).toBe(servers);
    expect((await s.get(`/api/discovery/nodes/${node.id}/`)).body).toMatchObject({ status: { value: "failed" } });
  });

  it("server actions: power, deploy_os over virtual media, update_firmware checks the model", async () => {
    const node = await nodeOn(bmcs[0]!);
    const serverId = (await s.get(`/api/discovery/nodes/${node.id}/`)).body.server.id as number;

    const power = await runJob(s, `/api/dcim/servers/${serverId}/power/`, { action: "on" });
    expect(power.status.value).toBe("completed");
    expect(power.result).toMatchObject({ requested: "on", reported_before: "off" });

    const images = await imageServer();
    try {
      const img = await make(s, "/api/firmware/os-images/", { name: "debian", version: "13", file_url: images.url });
      const deploy = await runJob(s, `/api/dcim/servers/${serverId}/deploy_os/`, { os_image: img.id });
      expect(deploy.status.value).toBe("completed");
      expect(deploy.result).toMatchObject({ boot: "Cd", image: images.url });
      expect(images.hits()).toBeGreaterThan(0); // the BMC fetched the image itself
      expect((await s.get(`/api/dcim/servers/${serverId}/`)).body.status.value).toBe("in_use");
    } finally {
      await images.close();
    }
    const badImage = await s.post(`/api/dcim/servers/${serverId}/deploy_os/`, { os_image: 99999 });
    expect(badImage.status).toBe(400);
    expect(badImage.body).toHaveProperty("os_image");

    const maker = await make(s, "/api/dcim/manufacturers/", { name: "Sushy", slug: "sushy" });
    const model = await make(s, "/api/dcim/asset-models/", {
      name: "Fake",
      manufacturer: maker.id,
      category: "server",
    });
    const other = await make(s, "/api/dcim/asset-models/", {
      name: "Other",
      manufacturer: maker.id,
      category: "server",
    });
    await s.patch(`/api/dcim/servers/${serverId}/`, { asset_model: model.id });
    const wrong = await make(s, "/api/firmware/firmware/", {
      name: "bios",
      version: "2.0",
      file_url: "http://127.0.0.1:9/bios.bin",
      asset_models: [other.id],
    });
    const refused = await s.post(`/api/dcim/servers/${serverId}/update_firmware/`, { firmware: wrong.id });
    expect(refused.status).toBe(400);
    expect(refused.body.firmware[0]).toMatch(/does not apply/);
    const fits = await make(s, "/api/firmware/firmware/", {
      name: "bios",
      version: "2.1",
      file_url: "http://127.0.0.1:9/bios.bin",
      asset_models: [model.id],
    });
    const update = await runJob(s, `/api/dcim/servers/${serverId}/update_firmware/`, { firmware: fits.id });
    // The fake driver keeps no firmware versions, so sushy answers SimpleUpdate with an error:
    // the job fails and says why.
    expect(update.status.value).toBe("failed");
    expect(update.error).toMatch(/BMC refused the firmware update/);

    const noBmc = await make(s, "/api/dcim/servers/", { name: "bare" });
    const conflict = await s.post(`/api/dcim/servers/${noBmc.id}/refresh_inventory/`, {});
    expect(conflict.status).toBe(409);
  });

  it("records every job-driven server change in the change log, under the job's user and request", async () => {
    const op = await make(s, "/api/users/users/", { username: "operator", password: "operator-password" });
    const as = s.as(`Token ${(await make(s, "/api/users/tokens/", { user: op.id })).key}`);
    const node = await nodeOn(bmcs[1]!);
    const changes = async (id: number) =>
      (await s.get(`/api/core/object-changes/?object_type=dcim.servers&object_id=${id}&ordering=time&limit=100`)).body
        .results as Record<string, any>[];
    const act = async (path: string, body: unknown) => {
      const r = await as.post(path, body);
      expect(r.status).toBe(202);
      const job = await waitJob(s, r.body.id);
      expect(job.status.value).toBe("completed");
      return { job, requestId: r.headers.get("x-request-id") };
    };

    const reg = await act(`/api/discovery/nodes/${node.id}/register/`, { auth_profile: profile.id });
    const id = reg.job.result.server as number;
    expect(reg.job).toMatchObject({ user_name: "operator", user: { id: op.id } });
    const created = await changes(id);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      action: { value: "create" },
      user: { id: op.id },
      user_name: "operator",
      request_id: reg.requestId,
      prechange_data: null,
    });
    expect(created[0]!.postchange_data).toMatchObject({ bmc_url: bmcs[1]!.url, node: { id: node.id } });
    // Re-registering an unchanged BMC changes nothing visible: no record.
    await act(`/api/discovery/nodes/${node.id}/register/`, { auth_profile: profile.id });
    expect(await changes(id)).toHaveLength(1);

    const power = await act(`/api/dcim/servers/${id}/power/`, { action: "on" });
    const images = await imageServer();
    let deploy: { requestId: string | null };
    try {
      const img = await make(s, "/api/firmware/os-images/", { name: "alma", version: "10", file_url: images.url });
      deploy = await act(`/api/dcim/servers/${id}/deploy_os/`, { os_image: img.id });
    } finally {
      await images.close();
    }
    const log = (await changes(id)).slice(1);
    const step = (r: Record<string, any>) => [
      r.request_id,
      r.user_name,
      r.prechange_data.status.value,
      r.postchange_data.status.value,
      r.postchange_data.power_state.value,
    ];
    expect(log.map(step)).toEqual([
      [power.requestId, "operator", "new", "new", "on"], // the power job
      [deploy.requestId, "operator", "new", "to_deploy", "on"], // the request, with its job
      [deploy.requestId, "operator", "to_deploy", "in_use", "on"], // the deployment job
    ]);
  });

  it("a BMC that disappears makes the job fail with a useful error", async () => {
    const gone = await startBmc();
    const r = await make(s, "/api/discovery/scan-ranges/", {
      name: "gone",
      ip_from: "127.0.0.1",
      ip_to: "127.0.0.1",
      ports: [gone.port],
    });
    await runJob(s, "/api/discovery/run_scan/", { scan_ranges: [r.id] });
    const node = await nodeOn(gone);
    await gone.stop();
    const job = await runJob(s, `/api/discovery/nodes/${node.id}/register/`, { auth_profile: profile.id });
    expect(job.status.value).toBe("failed");
    expect(job.error).toMatch(/cannot connect/);
  });

  it("cancels a running job; it stays cancelled", async () => {
    const peer = await silentPeer();
    try {
      const r = await make(s, "/api/discovery/scan-ranges/", {
        name: "silent",
        ip_from: "127.0.0.1",
        ip_to: "127.0.0.1",
        ports: [peer.port],
      });
      const started = await s.post("/api/discovery/run_scan/", { scan_ranges: [r.id] });
      expect(started.status).toBe(202);
      const cancel = await s.post(`/api/core/jobs/${started.body.id}/cancel/`);
      expect(cancel.status).toBe(200);
      expect(cancel.body.status.value).toBe("cancelled");
      await new Promise((ok) => setTimeout(ok, 2000)); // past the probe timeout
      const job = await waitJob(s, started.body.id);
      expect(job.status.value).toBe("cancelled");
      expect((await s.post(`/api/core/jobs/${started.body.id}/cancel/`)).status).toBe(409);
    } finally {
      await peer.close();
    }
  });

  it("two server processes on one database run each job exactly once", async () => {
    const s2 = await startServer({}, { sameDatabaseAs: s });
    try {
      const ids: number[] = [];
      for (let i = 0; i < 6; i++) {
        const via = i % 2 ? s2 : s;
        const r = await via.post("/api/discovery/run_scan/", { scan_ranges: [range.id] });
        expect(r.status).toBe(202);
        ids.push(r.body.id);
      }
      for (const id of ids) {
        const job = await waitJob(s, id);
        expect(job.status.value).toBe("completed");
        expect(job.attempts).toBe(1);
      }
      expect((await s2.get("/api/discovery/nodes/")).body.count).toBe(
        (await s.get("/api/discovery/nodes/")).body.count,
      );
    } finally {
      await s2.close();
    }
  });
});
