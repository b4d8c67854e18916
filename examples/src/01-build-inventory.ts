/**
 * Builds a small inventory top-down: region → data center → server room → racks
 * → servers. Foreign keys are given by id or by attributes (`{ slug: "fra1" }`).
 * Each object is looked up first and created only when missing, so the script can
 * run again, and on a database that already has data (`RACKPLANE_SEED=1`).
 *
 *   RACKPLANE_URL=http://127.0.0.1:8000 RACKPLANE_TOKEN=… npx tsx examples/src/01-build-inventory.ts
 */
import { Rackplane } from "@rackplane/sdk";

const rp = new Rackplane();

/** The first object a list call finds, or the one `create` makes. */
async function ensure<T>(found: PromiseLike<{ results: T[] }>, create: () => PromiseLike<T>): Promise<T> {
  return (await found).results[0] ?? (await create());
}

const europe = await ensure(rp.dcim.regions.list({ slug: "europe" }), () =>
  rp.dcim.regions.create({ name: "Europe", slug: "europe" }),
);
const germany = await ensure(rp.dcim.regions.list({ slug: "germany" }), () =>
  rp.dcim.regions.create({ name: "Germany", slug: "germany", parent: europe.id }),
);
const fra1 = await ensure(rp.dcim.dataCenters.list({ slug: "fra1" }), () =>
  rp.dcim.dataCenters.create({
    name: "FRA1",
    slug: "fra1",
    region: germany.id,
    address: "Hanauer Landstraße 1, Frankfurt",
  }),
);
const room = await ensure(rp.dcim.serverRooms.list({ name: "Hall A", data_center_id: fra1.id }), () =>
  rp.dcim.serverRooms.create({ name: "Hall A", data_center: { slug: "fra1" } }),
);

// The racks that are missing, created in one all-or-none request.
const rackNames = ["A01", "A02", "A03"];
const existingRacks = (await rp.dcim.racks.list({ server_room_id: room.id, name: rackNames })).results;
const newRacks = rackNames.filter((name) => !existingRacks.some((r) => r.name === name));
if (newRacks.length)
  await rp.dcim.racks.bulkCreate(newRacks.map((name) => ({ name, server_room: room.id, u_height: 42 })));
const racks = await rp.dcim.racks.list({ server_room_id: room.id, name: rackNames, ordering: "name" }).toArray();

const dell = await ensure(rp.dcim.manufacturers.list({ slug: "dell" }), () =>
  rp.dcim.manufacturers.create({ name: "Dell", slug: "dell" }),
);
const r650 = await ensure(rp.dcim.assetModels.list({ name: "PowerEdge R650" }), () =>
  rp.dcim.assetModels.create({ name: "PowerEdge R650", manufacturer: dell.id, category: "server", u_height: 1 }),
);

// Two servers per rack; the missing ones created in one all-or-none request.
const wanted = racks.flatMap((rack, r) =>
  [1, 2].map((position) => ({
    name: `fra1-web-${r * 2 + position}`,
    rack: rack.id,
    position,
    asset_model: r650.id,
    serial_number: `SN-${rack.name}-${position}`,
    status: "in_use" as const,
  })),
);
const present = new Set(
  (await rp.dcim.servers.list({ name: wanted.map((s) => s.name), limit: 100 }).toArray()).map((s) => s.name),
);
const missing = wanted.filter((s) => !present.has(s.name));
const created = missing.length ? await rp.dcim.servers.bulkCreate(missing) : [];
const first = (await rp.dcim.servers.list({ name: "fra1-web-1" })).results[0]!;

console.log(`region ${germany.display} (in ${europe.name}), data center ${fra1.name}, room ${room.name}`);
console.log(`racks: ${racks.map((r) => r.name).join(", ")}`);
console.log(
  `${wanted.length} servers in ${room.name} (${created.length} created by this run), e.g. ${first.name} in ${first.rack?.display}`,
);
