// Runs from an empty folder where only the packed SDK tarball was installed (ESM).
import Rackplane, { ConflictError, NotFoundError, Page } from "@rackplane/sdk";

const rp = new Rackplane(); // RACKPLANE_URL and RACKPLANE_TOKEN from the environment
const tag = process.argv[2] ?? "esm";
const region = await rp.dcim.regions.create({ name: `${tag} region`, slug: `${tag}-region` });
await rp.dcim.regions.bulkCreate(
  [1, 2, 3].map((i) => ({ name: `${tag} sub ${i}`, slug: `${tag}-sub-${i}`, parent: region.id })),
);
const first = await rp.dcim.regions.list({ parent_id: region.id, ordering: ["-name"], limit: 2 });
const names = [];
for await (const r of rp.dcim.regions.list({ parent_id: region.id, ordering: "name", limit: 2 })) names.push(r.name);
let conflict = "";
try {
  await rp.dcim.regions.create({ name: `${tag} region`, slug: `${tag}-other` });
} catch (e) {
  if (e instanceof ConflictError) conflict = `${e.status} ${e.requestId ? "with request id" : "without request id"}`;
}
const missing = await rp.dcim.regions.retrieve(999999).catch((e) => e instanceof NotFoundError);
console.log(
  JSON.stringify({
    module: typeof require === "undefined" ? "esm" : "cjs",
    requestId: typeof region.requestId,
    isPage: first instanceof Page,
    firstPage: first.results.map((r) => r.name),
    count: first.count,
    names,
    conflict,
    missing,
  }),
);
