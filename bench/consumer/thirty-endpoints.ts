// A consumer script calling 30 endpoints through a typed client; `pnpm bench`
// times `tsc --noEmit` on it (what a user's editor and CI pay for the types).
import { contract } from "@rackplane/contract";
import { initClient } from "@ts-rest/core";

const api = initClient(contract, { baseUrl: "http://127.0.0.1:8000", baseHeaders: {} });

export async function thirty() {
  const d = api.dcim;
  const out: unknown[] = [];
  out.push(await d.servers.list({ query: { limit: 10, status: "in_use", rack_id: [1] } }));
  out.push(await d.servers.retrieve({ params: { id: "1" } }));
  out.push(await d.servers.create({ body: { name: "a", status: "new" } }));
  out.push(await d.servers.partialUpdate({ params: { id: "1" }, body: { name: "b" } }));
  out.push(await d.servers.update({ params: { id: "1" }, body: { name: "c" } }));
  out.push(await d.servers.delete({ params: { id: "1" }, body: undefined }));
  out.push(await d.servers.bulkCreate({ body: [{ name: "d" }] }));
  out.push(await d.servers.bulkPartialUpdate({ body: [{ id: 1, name: "e" }] }));
  out.push(await d.servers.bulkDelete({ body: [{ id: 1 }] }));
  out.push(await d.servers.install({ params: { id: "1" } } as never));
  out.push(await d.racks.list({ query: { name__ic: "r" } }));
  out.push(await d.racks.retrieve({ params: { id: "1" } }));
  out.push(await d.racks.create({ body: { name: "r1", server_room: 1 } as never }));
  out.push(await d.racks.partialUpdate({ params: { id: "1" }, body: { name: "r2" } }));
  out.push(await d.racks.delete({ params: { id: "1" }, body: undefined }));
  out.push(await d.regions.list({ query: {} }));
  out.push(await d.regions.retrieve({ params: { id: "1" } }));
  out.push(await d.regions.create({ body: { name: "eu", slug: "eu" } }));
  out.push(await d.dataCenters.list({ query: { ordering: "name" } }));
  out.push(await d.dataCenters.retrieve({ params: { id: "1" } }));
  out.push(await d.serverRooms.list({ query: {} }));
  out.push(await d.serverRooms.retrieve({ params: { id: "1" } }));
  out.push(await d.manufacturers.list({ query: {} }));
  out.push(await d.manufacturers.create({ body: { name: "m", slug: "m" } }));
  out.push(await d.assetModels.list({ query: {} }));
  out.push(await d.assetModels.retrieve({ params: { id: "1" } }));
  out.push(await d.switches.list({ query: {} }));
  out.push(await d.switches.retrieve({ params: { id: "1" } }));
  out.push(await api.core.tags.list({ query: { search: "x" } }));
  out.push(await api.core.tags.create({ body: { name: "t", slug: "t" } }));
  const page = await d.servers.list({ query: {} });
  if (page.status === 200) out.push(page.body.results.map((s) => s.rack?.display ?? s.name));
  return out;
}
