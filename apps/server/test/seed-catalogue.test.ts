import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../src/seed";
import { startServer, type TestServer } from "./harness";

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => s?.close());

describe("rackplane seed (catalogue apps)", () => {
  it("seeds ipam, services, virtual, peering and assets consistently", async () => {
    expect(await seed(s.database, () => {})).toBe(true);
    const web = (await s.get("/api/ipam/networks/?name=web")).body.results[0];
    expect(web.ip_addresses_count).toBe(12);
    const free = await s.get(`/api/ipam/networks/${web.id}/available-ips/?limit=1`);
    expect(free.body).toEqual([{ address: "10.10.1.2", family: 4 }]);
    const bo = await s.get("/api/assets/base-objects/?limit=1");
    expect(bo.body.count).toBe(12 + 1 + 3 + 3 + 1);
    const vms = await s.get("/api/virtual/virtual-servers/?hypervisor__name=web-01.waw1");
    expect(vms.body.count).toBe(3);
    const lic = (await s.get("/api/assets/licences/?niw=LIC-0001")).body.results[0];
    expect(lic.assignments_count).toBe(1);
    const sup = (await s.get("/api/services/supports/")).body.results[0];
    expect(sup.assets.map((a: { display: string }) => a.display)).toEqual(["web-01.waw1"]);
    expect((await s.get("/api/peering/autonomous-systems/?asn=4200000000")).body.count).toBe(1);
  });
});
