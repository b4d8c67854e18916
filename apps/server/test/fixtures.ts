import { make, type TestServer } from "./harness";

/** Region → data center → room → rack, and a manufacturer + server model. */
export async function dcimFixtures(s: TestServer) {
  const region = await make(s, "/api/dcim/regions/", { name: "Fixture region", slug: "fixture-region" });
  const dc = await make(s, "/api/dcim/data-centers/", { name: "Fixture DC", slug: "fixture-dc", region: region.id });
  const room = await make(s, "/api/dcim/server-rooms/", { name: "Fixture room", data_center: dc.id });
  const rack = await make(s, "/api/dcim/racks/", { name: "Fixture rack", server_room: room.id, u_height: 42 });
  const maker = await make(s, "/api/dcim/manufacturers/", { name: "Fixture maker", slug: "fixture-maker" });
  const model = await make(s, "/api/dcim/asset-models/", {
    name: "Fixture model",
    manufacturer: maker.id,
    category: "server",
  });
  const tag = await make(s, "/api/core/tags/", { name: "Fixture tag", slug: "fixture-tag" });
  return { region, dc, room, rack, maker, model, tag };
}
export type DcimFixtures = Awaited<ReturnType<typeof dcimFixtures>>;
