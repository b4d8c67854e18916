/**
 * Queries: filters with lookups, OR by repeating a value, ordering, one page at a
 * time, and iterating every match (pages are fetched lazily, one at a time).
 * Run 01 and 02 first. Every query keeps to their servers (`fra1-…`), so other data
 * in the database (the sample data of `RACKPLANE_SEED=1`) does not change the answers.
 *
 *   npx tsx examples/src/03-query.ts
 */
import { Rackplane } from "@rackplane/sdk";

const rp = new Rackplane();

// Servers in use or reserved of the examples, newest first.
const page = await rp.dcim.servers.list({
  status: ["in_use", "reserved"],
  name__icontains: "fra1-",
  ordering: ["-created", "name"],
  limit: 3,
});
console.log(`${page.count} servers in use or reserved; first page: ${page.results.map((s) => s.name).join(", ")}`);
console.log(`next page: ${page.hasNextPage() ? page.next : "none"}`);

// Everything in rack A01, by position — across all pages, without holding them all.
let inA01 = 0;
for await (const s of rp.dcim.servers.list({
  rack__name: "A01",
  name__startswith: "fra1-",
  ordering: "position",
  limit: 2,
})) {
  inA01++;
  console.log(`  A01 U${String(s.position).padStart(2)}: ${s.name}`);
}
console.log(`${inA01} servers in rack A01`);

// Lookups by type: numbers compare, missing values via __isnull, several values via __in.
const ours = { name__startswith: "fra1-" };
const high = await rp.dcim.servers.list({ ...ours, position__gte: 10, rack__name: ["A02", "A03"] });
const unracked = await rp.dcim.servers.list({ ...ours, rack__isnull: true });
const tagged = await rp.dcim.servers.list({ asset_tag__in: ["AT-1001", "AT-1004"], ordering: "asset_tag" });
console.log(`${high.count} servers at U10 or higher in A02/A03`);
console.log(`${unracked.count} unracked: ${unracked.results.map((s) => s.name).join(", ")}`);
console.log(`by asset tag: ${tagged.results.map((s) => `${s.asset_tag}=${s.name}`).join(", ")}`);

// Only the fields you need: `fields` takes the resource's field names, and the result is
// typed by them (`s.status` would not compile here); `brief: true` gives the brief form.
const slim = await rp.dcim.servers.list({
  rack__name: "A01",
  name__startswith: "fra1-db-",
  fields: ["name", "position"],
});
console.log(`sparse: ${slim.results.map((s) => `${s.name}@U${s.position}`).join(", ")}`);
const [a01] = (await rp.dcim.racks.list({ name: "A01", brief: true })).results;
console.log(`brief rack: ${a01 ? Object.keys(a01).sort().join(", ") : "none"}`);

// Rooms with their rack counts, brief data-center references included.
for await (const room of rp.dcim.serverRooms.list({ data_center__slug: "fra1" })) {
  console.log(`room ${room.name} in ${room.data_center.display}: ${room.racks_count} racks`);
}
