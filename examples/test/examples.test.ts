import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../apps/server/src/seed";
import { type Bmc, startBmcs, stopBmcs } from "../../apps/server/test/bmc";
import { startServer, type TestServer } from "../../apps/server/test/harness";

/**
 * Runs the examples exactly as README.md says — `npx tsx examples/src/<name>.ts` from the
 * repository root with RACKPLANE_URL/RACKPLANE_TOKEN, each its own process, the SDK from
 * source (no build step) — against a real server on loopback: on an empty database and
 * on one filled with the sample data of `RACKPLANE_SEED=1`, 01–04 twice in a row each.
 */
const TOKEN = "00112233445566778899aabbccddeeff00112233";
const root = join(import.meta.dirname, "../..");

async function example(s: TestServer, name: string, env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await promisify(execFile)("npx", ["tsx", join("examples/src", name)], {
    cwd: root,
    env: { ...process.env, RACKPLANE_URL: s.baseUrl, RACKPLANE_TOKEN: TOKEN, ...env },
    encoding: "utf8",
  });
  return stdout;
}

for (const seeded of [false, true]) {
  describe(`examples on ${seeded ? "the seeded" : "an empty"} database`, () => {
    let s: TestServer;
    beforeAll(async () => {
      s = await startServer({ RACKPLANE_ADMIN_TOKEN: TOKEN });
      if (seeded) await seed(s.database);
    }, 180_000);
    afterAll(async () => s?.close());

    for (const round of [1, 2]) {
      const again = round === 2;
      it(`01 builds an inventory (run ${round})`, async () => {
        const out = await example(s, "01-build-inventory.ts");
        expect(out).toContain("region Germany (in Europe), data center FRA1, room Hall A");
        expect(out).toContain("racks: A01, A02, A03");
        expect(out).toContain(`6 servers in Hall A (${again ? 0 : 6} created by this run), e.g. fra1-web-1 in A01`);
      });

      it(`02 imports servers from a CSV (run ${round})`, async () => {
        const out = await example(s, "02-import-csv.ts");
        expect(out).toContain(
          `imported 8 rows: ${again ? "0 servers created, 8 updated" : "8 servers created, 0 updated"}`,
        );
        expect(out).toMatch(/fra1-batch-1 +Reserved +A03/);
        expect(out).toMatch(/fra1-spare-1 +New +\(unracked\)/);
      });

      it(`03 queries with filters, ordering and iteration (run ${round})`, async () => {
        const out = await example(s, "03-query.ts");
        expect(out).toContain("10 servers in use or reserved; first page: ");
        expect(out).toContain("next page: http");
        expect(out).toContain("4 servers in rack A01");
        expect(out).toMatch(/A01 U 1: fra1-web-1\n.*A01 U 2: fra1-web-2\n.*A01 U10: fra1-db-1\n.*A01 U11: fra1-db-2/);
        expect(out).toContain("5 servers at U10 or higher in A02/A03");
        expect(out).toContain("1 unracked: fra1-spare-1");
        expect(out).toContain("by asset tag: AT-1001=fra1-db-1, AT-1004=fra1-cache-1");
        expect(out).toContain("sparse: fra1-db-1@U10, fra1-db-2@U11");
        expect(out).toContain("brief rack: display, id, name, url");
        expect(out).toContain("room Hall A in FRA1: 3 racks");
      });

      it(`04 handles a 400 and a 409 (run ${round})`, async () => {
        const out = await example(s, "04-errors.ts");
        expect(out).toMatch(/400 on create: position → .+/);
        expect(out).toMatch(/status → Must be one of/);
        expect(out).toMatch(/request id [0-9a-f-]{36}/);
        expect(out).toMatch(/400 on bulk create: #1: name; #2: position/);
        expect(out).toContain("written by the failed bulk request: 0");
        expect(out).toMatch(/409 on duplicate asset tag: .*already exists/);
        expect(out).toMatch(/409 on delete of Hall A: .+/);
        expect(out).toContain("404 for a missing server: true");
      });
    }

    // The bare-metal walkthrough names everything it creates after the run: once per database.
    it("05 walks through the bare-metal lifecycle against sushy-emulator BMCs", async () => {
      let bmcs: Bmc[] = [];
      try {
        bmcs = await startBmcs(3);
        const out = await example(s, "05-bare-metal.ts", { RACKPLANE_BMC_PORTS: bmcs.map((b) => b.port).join(",") });
        expect(out).toMatch(/auth profile lab-\w+ with 1 credential \(admin\)/);
        expect(out).toMatch(/scan job #\d+ completed: 3 BMCs on 127\.0\.0\.1/);
        expect(out).toContain("registered 3 of 3 nodes as servers");
        expect(out).toMatch(/pool production-\w+ \(group bare-metal-ops-\w+\): 3 servers/);
        // sushy's fake driver keeps no firmware: the update job fails and says why; the walkthrough goes on.
        expect(
          out.match(/update_firmware on node-\d+: job #\d+ failed — The BMC refused the firmware update/g),
        ).toHaveLength(3);
        expect(out.match(/deploy_os on node-\d+: job #\d+ completed, boots from Cd/g)).toHaveLength(3);
        expect(out).toMatch(/the BMCs fetched images [1-9]\d* times/);
        expect(out).toMatch(/3 servers in pool production-\w+:/);
        expect(
          out.match(/ {2}node-\d+ {2}In use {2}power On {2}BMC http:\/\/127\.0\.0\.1:\d+ {2}node 127\.0\.0\.1:\d+/g),
        ).toHaveLength(3);
      } finally {
        await stopBmcs(bmcs);
      }
    });
  });
}
