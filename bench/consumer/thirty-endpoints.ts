// A consumer script calling 30 endpoints through the typed SDK; `pnpm bench`
// times `tsc --noEmit` on it (what a user's editor and CI pay for the types).
// `rackplane-sdk` is mapped by the tsconfig: the SDK sources (tsconfig.json) or the
// published build, dist/index.d.ts (tsconfig.dist.json) — what a user installs.
import { Rackplane } from "rackplane-sdk";

const rp = new Rackplane({ baseUrl: "http://127.0.0.1:8000", token: "x".repeat(40) });

export async function thirty() {
  const d = rp.dcim;
  const out: unknown[] = [];
  out.push(await d.servers.list({ limit: 10, status: "in_use", rack_id: [1] }));
  out.push(await d.servers.retrieve(1));
  out.push(await d.servers.create({ name: "a", status: "new" }));
  out.push(await d.servers.patch(1, { name: "b" }));
  out.push(await d.servers.update(1, { name: "c" }));
  out.push(await d.servers.delete(1));
  out.push(await d.servers.bulkCreate([{ name: "d" }]));
  out.push(await d.servers.bulkPatch([{ id: 1, name: "e" }]));
  out.push(await d.servers.bulkDelete([{ id: 1 }]));
  out.push(await d.servers.list({ cursor: "", fields: ["name", "rack"] }));
  out.push(await d.racks.list({ name__icontains: "r" }));
  out.push(await d.racks.retrieve(1));
  out.push(await d.racks.create({ name: "r1", server_room: 1 }));
  out.push(await d.racks.patch(1, { name: "r2" }));
  out.push(await d.racks.delete(1));
  out.push(await d.regions.list());
  out.push(await d.regions.retrieve(1));
  out.push(await d.regions.create({ name: "eu", slug: "eu" }));
  out.push(await d.dataCenters.list({ ordering: "name" }));
  out.push(await d.dataCenters.retrieve(1));
  out.push(await d.serverRooms.list());
  out.push(await d.serverRooms.retrieve(1));
  out.push(await d.manufacturers.list());
  out.push(await d.manufacturers.create({ name: "m", slug: "m" }));
  out.push(await d.assetModels.list());
  out.push(await d.assetModels.retrieve(1));
  out.push(await d.switches.list());
  out.push(await d.switches.retrieve(1));
  out.push(await rp.core.tags.list({ search: "x" }));
  out.push(await rp.core.tags.create({ name: "t", slug: "t" }));
  for await (const s of d.servers.list({ cursor: "" })) out.push(s.rack?.display ?? s.name);
  return out;
}
