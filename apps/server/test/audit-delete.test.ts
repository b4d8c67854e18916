import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dcimFixtures } from "./fixtures";
import { make, startServer, type TestServer } from "./harness";

/** The change log of rows a delete changes besides its own: cleared (set null) and cascaded. */

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
