import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dcimFixtures } from "./fixtures";
import { make, startServer, type TestServer } from "./harness";

/** The change log of side-effect writes: rows a delete clears (set null) or cascades to, rows an action changes with its own SQL. */

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(() => s?.close());

describe("change log of delete side effects", () => {
  it("rows a delete clears (set null) or deletes (cascade) get their own records in the same request", async () => {
    const fx = await dcimFixtures(s);
    const panel = await make(s, "/api/dcim/accessories/", { name: "Patch 1", rack: fx.rack.id });
    const blank = await make(s, "/api/dcim/accessories/", { name: "Blank 1", rack: fx.rack.id });

    // Set null: deleting the region clears the data center's region.
    const delRegion = await s.del(`/api/dcim/regions/${fx.region.id}/`);
    expect(delRegion.status).toBe(204);
    const rid = delRegion.headers.get("x-request-id")!;
    const regionChanges = (await s.get(`/api/core/object-changes/?request_id=${rid}&ordering=id`)).body.results;
    expect(regionChanges.map((c: any) => [c.action.value ?? c.action, c.object_type, c.object_id])).toEqual([
      ["update", "dcim.data-centers", fx.dc.id],
      ["delete", "dcim.regions", fx.region.id],
    ]);
    const dcChange = regionChanges[0];
    expect(dcChange.prechange_data.region.id).toBe(fx.region.id);
    expect(dcChange.postchange_data.region).toBeNull();
    expect((await s.get(`/api/dcim/data-centers/?updated_by_request=${rid}`)).body.count).toBe(1);

    // Cascade: deleting the rack deletes its accessories.
    const delRack = await s.del(`/api/dcim/racks/${fx.rack.id}/`);
    expect(delRack.status).toBe(204);
    const rackRid = delRack.headers.get("x-request-id")!;
    const rackChanges = (await s.get(`/api/core/object-changes/?request_id=${rackRid}&ordering=id`)).body.results;
    expect(
      rackChanges.map((c: any) => [c.action.value ?? c.action, c.object_type, c.object_id, c.postchange_data]),
    ).toEqual([
      ["delete", "dcim.accessories", panel.id, null],
      ["delete", "dcim.accessories", blank.id, null],
      ["delete", "dcim.racks", fx.rack.id, null],
    ]);
    expect(rackChanges[0].prechange_data.name).toBe("Patch 1");
    expect((await s.get(`/api/dcim/accessories/${panel.id}/`)).status).toBe(404);
  });
});

describe("change log of action SQL", () => {
  it("servers an action assigns to a pool or takes out of it get update records in that request", async () => {
    const pool = await make(s, "/api/pools/pools/", { name: "audit-pool" });
    const a = await make(s, "/api/dcim/servers/", { name: "audit-srv-1" });
    const b = await make(s, "/api/dcim/servers/", { name: "audit-srv-2" });
    const changesOf = async (rid: string) =>
      (await s.get(`/api/core/object-changes/?request_id=${rid}&object_type=dcim.servers&ordering=object_id`)).body
        .results;

    const assign = await s.post(`/api/pools/pools/${pool.id}/assign_servers/`, { servers: [a.id, b.id] });
    expect(assign.status).toBe(200);
    const assigned = await changesOf(assign.headers.get("x-request-id")!);
    expect(assigned.map((c: any) => [c.action.value ?? c.action, c.object_id])).toEqual([
      ["update", a.id],
      ["update", b.id],
    ]);
    expect(assigned[0].prechange_data.resource_pool).toBeNull();
    expect(assigned[0].postchange_data.resource_pool.id).toBe(pool.id);
    expect(assigned[0].user_name ?? assigned[0].user?.username).toBe("admin");

    // Only the server that was in a pool changes; the other one gets no record.
    const c = await make(s, "/api/dcim/servers/", { name: "audit-srv-3" });
    const remove = await s.post("/api/dcim/servers/remove_from_pool/", { servers: [a.id, c.id] });
    expect(remove.status).toBe(200);
    expect(remove.body.removed).toBe(1);
    const removed = await changesOf(remove.headers.get("x-request-id")!);
    expect(removed.map((r: any) => [r.object_id, r.postchange_data.resource_pool])).toEqual([[a.id, null]]);
  });
});

describe("change log of derived links", () => {
  it("addresses re-linked by a network create or delete get update records in that request", async () => {
    await make(s, "/api/ipam/networks/", { address: "10.77.0.0/16" });
    const ip = await make(s, "/api/ipam/ip-addresses/", { address: "10.77.1.5" });
    const unrelated = await make(s, "/api/ipam/ip-addresses/", { address: "10.77.9.9" });
    const changesOf = async (rid: string) =>
      (await s.get(`/api/core/object-changes/?request_id=${rid}&object_type=ipam.ip-addresses&ordering=id`)).body
        .results;

    const small = await s.post("/api/ipam/networks/", { address: "10.77.1.0/24" });
    expect(small.status).toBe(201);
    const moved = await changesOf(small.headers.get("x-request-id")!);
    expect(moved.map((c: any) => [c.action.value ?? c.action, c.object_id])).toEqual([["update", ip.id]]);
    expect(moved[0].prechange_data.network, JSON.stringify(moved)).not.toBeNull();
    expect(moved[0].prechange_data.network.display).toBe("10.77.0.0/16");
    expect(moved[0].postchange_data.network.id).toBe(small.body.id);
    expect(moved.some((c: any) => c.object_id === unrelated.id)).toBe(false);

    const del = await s.del(`/api/ipam/networks/${small.body.id}/`);
    expect(del.status).toBe(204);
    // The delete clears the address's network (set null), then re-derivation links it to the /16.
    const back = await changesOf(del.headers.get("x-request-id")!);
    expect(back.map((c: any) => [c.object_id, c.postchange_data.network?.display ?? null])).toEqual([
      [ip.id, null],
      [ip.id, "10.77.0.0/16"],
    ]);
  });
});
