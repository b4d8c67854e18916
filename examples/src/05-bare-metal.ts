/**
 * The bare-metal lifecycle end to end (the MOJO walkthrough): an auth profile with
 * BMC credentials and a scan range → run the scan and wait for its job → register
 * the nodes found → a pool (of a group) with those servers → update firmware →
 * deploy an OS from an image served over HTTP → list the pool's servers.
 *
 * Needs Redfish BMCs on loopback, e.g. three sushy-emulators:
 *   npx -y pnpm@10.34.8 bmc 3        # prints the ports; user admin / rackplane-bmc
 *   RACKPLANE_URL=http://127.0.0.1:8000 RACKPLANE_TOKEN=… RACKPLANE_BMC_PORTS=8101,8102,8103 \
 *     npx tsx examples/src/05-bare-metal.ts
 * Optional: RACKPLANE_BMC_USER / RACKPLANE_BMC_PASSWORD (the BMCs' login),
 * RACKPLANE_BMC_HOST (default 127.0.0.1). The OS and firmware images are served by
 * this script on 127.0.0.1 while it runs; the BMC fetches them from there.
 * Every run names its objects with a fresh suffix, so it can be run again.
 */
import { createServer } from "node:http";
import { type Job, JobFailedError, Rackplane } from "@rackplane/sdk";

const rp = new Rackplane();
const host = process.env.RACKPLANE_BMC_HOST ?? "127.0.0.1";
const ports = (process.env.RACKPLANE_BMC_PORTS ?? "").split(",").filter(Boolean).map(Number);
if (!ports.length) throw new Error("Set RACKPLANE_BMC_PORTS to the BMCs' ports (see `pnpm bmc`).");
const run = Date.now().toString(36);

/**
 * A started job once it has finished. `rp.core.jobs.wait` polls it, resolving when it
 * completed and rejecting with JobFailedError (which carries the job) when it failed:
 * here a failure is reported and the walkthrough goes on.
 */
const finished = (job: Job): Promise<Job> =>
  rp.core.jobs.wait(job, { timeoutMs: 60_000 }).catch((e) => {
    if (e instanceof JobFailedError) return e.job;
    throw e;
  });

// Images for the BMC to fetch: a tiny HTTP server on loopback for the length of the walkthrough.
let fetched = 0;
const files = createServer((req, res) => {
  fetched++;
  const body = Buffer.alloc(64 * 1024, 7);
  res.writeHead(200, { "content-type": "application/octet-stream", "content-length": body.length });
  res.end(req.method === "HEAD" ? undefined : body);
});
await new Promise<void>((ok) => files.listen(0, "127.0.0.1", ok));
const fileUrl = (name: string) => `http://127.0.0.1:${(files.address() as { port: number }).port}/${name}`;

try {
  // 1. How to log in to the BMCs: an auth profile with its credentials (its sub-resource
  //    `auth-profiles/<id>/credentials/`, tried in priority order when registering).
  const profile = await rp.discovery.authProfiles.create({
    name: `lab-${run}`,
    node_classification: "Sushy emulators on loopback",
    bmc: "redfish",
  });
  await rp.discovery.authProfiles.addCredential(profile.id, {
    username: process.env.RACKPLANE_BMC_USER ?? "admin",
    password: process.env.RACKPLANE_BMC_PASSWORD ?? "rackplane-bmc",
  });
  const logins = await rp.discovery.authProfiles.credentials(profile.id);
  console.log(
    `auth profile ${profile.name} with ${logins.count} credential (${logins.results.map((c) => c.username).join(", ")})`,
  );

  // 2. Where the BMCs are, then the scan (a job: 202; the …AndWait form waits for it).
  const range = await rp.discovery.scanRanges.create({ name: `loopback-${run}`, ip_from: host, ip_to: host, ports });
  const scan = await rp.discovery.scanRanges.runScanAndWait(
    { scan_ranges: [range.id] },
    { wait: { timeoutMs: 60_000 } },
  );
  const found = (scan.result as { found: number; probed: number } | null)?.found ?? 0;
  console.log(`scan job #${scan.id} ${scan.status.value}: ${found} BMCs on ${host} ports ${ports.join(", ")}`);

  // 3. Register every node of the range with the profile: each a job that reads the inventory.
  const nodes = (await rp.discovery.nodes.list({ scan_range: range.id, limit: 1000 })).results;
  const registrations = await Promise.all(
    nodes.map(async (n) => finished(await rp.discovery.nodes.register(n.id, { auth_profile: profile.id }))),
  );
  for (const job of registrations.filter((j) => j.status.value !== "completed"))
    console.log(`register job #${job.id} ${job.status.value}: ${job.error}`);
  const serverIds = registrations.flatMap((j) =>
    j.status.value === "completed" ? [(j.result as { server: number }).server] : [],
  );
  console.log(`registered ${serverIds.length} of ${nodes.length} nodes as servers`);
  if (!serverIds.length) throw new Error("no server registered; are the BMC ports and login right?");

  // 4. A pool for a team (its group decides who sees it), filled by node ids. A pool never
  //    takes another pool's servers: those from an earlier run are taken out of theirs first.
  const group = await rp.users.groups.create({ name: `bare-metal-ops-${run}` });
  const pool = await rp.pools.pools.create({ name: `production-${run}`, description: "Walkthrough", group: group.id });
  const servers = (await rp.dcim.servers.list({ id: serverIds, limit: 1000 })).results;
  const pooled = servers.filter((s) => s.resource_pool).map((s) => s.id);
  if (pooled.length) {
    const { removed } = await rp.dcim.servers.removeFromPool({ servers: pooled });
    console.log(`took ${removed} servers out of an earlier run's pool`);
  }
  const registered = (await rp.discovery.nodes.list({ scan_range: range.id, status: "registered", limit: 1000 }))
    .results;
  const filled = await rp.pools.pools.assignServers(pool.id, { nodes: registered.map((n) => n.id) });
  console.log(`pool ${filled.name} (group ${group.name}): ${filled.servers_count} servers`);

  // 5. Firmware for the servers' model. sushy's fake driver keeps no firmware, so its
  //    SimpleUpdate fails: the job says so and the walkthrough goes on.
  const maker = await rp.dcim.manufacturers.create({ name: `Sushy ${run}`, slug: `sushy-${run}` });
  const model = await rp.dcim.assetModels.create({
    name: `Fake system ${run}`,
    manufacturer: maker.id,
    category: "server",
  });
  await rp.dcim.servers.bulkPatch(servers.map((s) => ({ id: s.id, asset_model: model.id })));
  const bios = await rp.firmware.firmware.create({
    name: `bios-${run}`,
    version: "2.1",
    firmware_type: "BIOS",
    manufacturer: maker.id,
    asset_models: [model.id],
    file_url: fileUrl("bios-2.1.bin"),
  });
  for (const s of servers) {
    const job = await finished(await rp.dcim.servers.updateFirmware(s.id, { firmware: bios.id }));
    console.log(
      `update_firmware on ${s.name}: job #${job.id} ${job.status.value}${job.error ? ` — ${job.error}` : ""}`,
    );
  }

  // 6. Deploy an OS: virtual media insert of the image URL, one-time boot from CD, power on.
  const image = await rp.firmware.osImages.create({
    name: `debian-${run}`,
    version: "13",
    arch: "x86_64",
    file_url: fileUrl("debian-13.iso"),
  });
  for (const s of servers) {
    const job = await finished(await rp.dcim.servers.deployOs(s.id, { os_image: image.id }));
    const boot = (job.result as { boot?: string } | null)?.boot;
    console.log(
      `deploy_os on ${s.name}: job #${job.id} ${job.status.value}${boot ? `, boots from ${boot}` : ""}${job.error ? ` — ${job.error}` : ""}`,
    );
  }
  console.log(`the BMCs fetched images ${fetched} times`);

  // 7. The pool's servers, as the team sees them.
  const inPool = await rp.dcim.servers.list({ resource_pool: pool.id, ordering: "name" });
  console.log(`${inPool.count} servers in pool ${pool.name}:`);
  for (const s of inPool.results)
    console.log(
      `  ${s.name}  ${s.status.label}  power ${s.power_state.label}  BMC ${s.bmc_url}  node ${s.node?.display}`,
    );
} finally {
  files.close();
}
