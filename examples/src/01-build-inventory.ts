/**
 * Builds a small inventory top-down: region → data center → server room → racks
 * → servers. Foreign keys are given by id or by attributes (`{ slug: "fra1" }`).
 *
 *   RACKPLANE_URL=http://127.0.0.1:8000 RACKPLANE_TOKEN=… npx tsx src/01-build-inventory.ts
 */
import { Rackplane } from "@rackplane/sdk";

const rp = new Rackplane();

const europe = await rp.dcim.regions.create({ name: "Europe", slug: "europe" });
const germany = await rp.dcim.regions.create({ name: "Germany", slug: "germany", parent: europe.id });
const fra1 = await rp.dcim.dataCenters.create({
  name: "FRA1",
  slug: "fra1",
  region: germany.id,
  address: "Hanauer Landstraße 1, Frankfurt",
});
const room = await rp.dcim.serverRooms.create({ name: "Hall A", data_center: { slug: "fra1" } });
const racks = await rp.dcim.racks.bulkCreate(
  ["A01", "A02", "A03"].map((name) => ({ name, server_room: room.id, u_height: 42 })),
);

const dell = await rp.dcim.manufacturers.create({ name: "Dell", slug: "dell" });
const r650 = await rp.dcim.assetModels.create({
  name: "PowerEdge R650",
  manufacturer: dell.id,
  category: "server",
  u_height: 1,
});

// Two servers per rack, created in one all-or-none request.
const servers = await rp.dcim.servers.bulkCreate(
  racks.flatMap((rack, r) =>
    [1, 2].map((position) => ({
      name: `fra1-web-${r * 2 + position}`,
      rack: rack.id,
      position,
      asset_model: r650.id,
      serial_number: `SN-${rack.name}-${position}`,
      status: "in_use",
    })),
  ),
);

console.log(`region ${germany.display} (in ${europe.name}), data center ${fra1.name}, room ${room.name}`);
console.log(`racks: ${racks.map((r) => r.name).join(", ")}`);
console.log(
  `created ${servers.length} servers, e.g. ${servers[0]!.name} in ${servers[0]!.rack?.display} (request ${servers.requestId})`,
);
