// Runs from an empty folder where only the packed SDK tarball was installed (CommonJS).
const { Rackplane, BadRequestError, Page } = require("@rackplane/sdk");

async function main() {
  const rp = new Rackplane({ baseUrl: process.env.RACKPLANE_URL, token: process.env.RACKPLANE_TOKEN });
  const tag = process.argv[2] || "cjs";
  const region = await rp.dcim.regions.create({ name: `${tag} region`, slug: `${tag}-region` });
  await rp.dcim.regions.bulkCreate(
    [1, 2, 3].map((i) => ({ name: `${tag} sub ${i}`, slug: `${tag}-sub-${i}`, parent: region.id })),
  );
  const first = await rp.dcim.regions.list({ parent_id: region.id, ordering: ["-name"], limit: 2 });
  const names = [];
  for await (const r of rp.dcim.regions.list({ parent_id: region.id, ordering: "name", limit: 2 })) names.push(r.name);
  let bad = "";
  try {
    await rp.dcim.regions.create({ name: "", slug: "not a slug" });
  } catch (e) {
    if (e instanceof BadRequestError) bad = Object.keys(e.fieldErrors).sort().join(",");
  }
  console.log(
    JSON.stringify({
      module: typeof require === "undefined" ? "esm" : "cjs",
      requestId: typeof region.requestId,
      isPage: first instanceof Page,
      firstPage: first.results.map((r) => r.name),
      count: first.count,
      names,
      bad,
    }),
  );
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
