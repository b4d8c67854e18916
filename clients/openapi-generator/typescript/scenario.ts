/**
 * The client scenario on the client openapi-generator's `typescript-axios` generator makes
 * from openapi/rackplane.yaml (in ../generated, never edited), type-checked with plain
 * `strict` tsc first. Run by clients/openapi-generator/run.sh against a live server:
 * RACKPLANE_URL and RACKPLANE_TOKEN in the environment. Exits non-zero on the first surprise.
 */
import { isAxiosError } from "axios";
import {
  AuthApi,
  Configuration,
  DcimDataCentersApi,
  DcimRacksApi,
  DcimRegionsApi,
  DcimServerRoomsApi,
  DcimServersApi,
  type ServerCreate,
  ServerStatus,
} from "../generated/typescript-axios/index";

const check = (cond: boolean, what: string) => {
  if (!cond) {
    console.error(`FAILED: ${what}`);
    process.exit(1);
  }
  console.log(`ok - ${what}`);
};

/** The HTTP status of a refused call (the client throws on 4xx). */
async function statusOf(p: Promise<unknown>): Promise<[number, string]> {
  try {
    await p;
    return [0, ""];
  } catch (e) {
    if (isAxiosError(e) && e.response) return [e.response.status, JSON.stringify(e.response.data)];
    throw e;
  }
}

const basePath = process.env.RACKPLANE_URL!;
const token = process.env.RACKPLANE_TOKEN!;
const run = Math.random().toString(16).slice(2, 10);

const [anonymous] = await statusOf(new AuthApi(new Configuration({ basePath })).whoami());
check(anonymous === 401, "anonymous whoami is 401");
const config = new Configuration({ basePath, apiKey: `Token ${token}` });
const me = await new AuthApi(config).whoami();
check(me.data.username === "admin", "Token auth: whoami");

const region = (
  await new DcimRegionsApi(config).dcimRegionsCreate({ regionCreate: { name: `Region ${run}`, slug: `region-${run}` } })
).data;
check(region.slug === `region-${run}`, "create region");
const dc = (
  await new DcimDataCentersApi(config).dcimDataCentersCreate({
    dataCenterCreate: { name: `DC ${run}`, slug: `dc-${run}`, region: region.id },
  })
).data;
check(dc.region?.id === region.id, "create data center in the region");
const room = (
  await new DcimServerRoomsApi(config).dcimServerRoomsCreate({
    serverRoomCreate: { name: `Room ${run}`, data_center: dc.id },
  })
).data;
check(room.data_center?.id === dc.id, "create server room");
const rack = (
  await new DcimRacksApi(config).dcimRacksCreate({
    rackCreate: { name: `R-${run}`, server_room: room.id, u_height: 42 },
  })
).data;
check(rack.u_height === 42, "create rack");

const servers = new DcimServersApi(config);
// Bulk create (its own operation, a plain array in and out), the rack given by attributes.
const bulk: ServerCreate[] = Array.from({ length: 12 }, (_, i) => ({
  name: `oag-ts-${run}-${String(i).padStart(2, "0")}`,
  rack: { name: `R-${run}` },
  position: i + 1,
  status: ServerStatus.New,
}));
const created = (await servers.dcimServersBulkCreate({ serverCreate: bulk })).data;
check(created.length === 12, "bulk create 12 servers");
check(
  created.every((s) => s.rack?.id === rack.id),
  "FK by attributes resolved to the rack",
);

const page1 = (await servers.dcimServersList({ rack: [rack.id], limit: 5, offset: 0, ordering: ["name"] })).data;
check(page1.count === 12 && page1.results.length === 5, "list: filter by rack, page of 5 of 12");
check(page1.next != null, "list: next page link");
const page3 = (await servers.dcimServersList({ rack: [rack.id], limit: 5, offset: 10, ordering: ["name"] })).data;
check(
  JSON.stringify(page3.results.map((s) => s.name)) === JSON.stringify([`oag-ts-${run}-10`, `oag-ts-${run}-11`]),
  "list: last page, ordered",
);
const byStatus = (await servers.dcimServersList({ rack: [rack.id], status: [ServerStatus.New], limit: 100 })).data;
check(byStatus.count === 12, "list: filter by status");
const brief = (await servers.dcimServersList({ rack: [rack.id], brief: true, limit: 1 })).data;
check(brief.results[0]!.id > 0 && brief.results[0]!.serial_number === undefined, "list: brief objects as the model");

const first = created[0]!;
const patched = (
  await servers.dcimServersPartialUpdate({
    id: first.id,
    serverPatch: { status: ServerStatus.InUse, serial_number: `SN-${run}` },
  })
).data;
check(patched.status?.value === ServerStatus.InUse && patched.serial_number === `SN-${run}`, "patch");

const [bad, body] = await statusOf(
  servers.dcimServersCreate({ serverCreate: { name: `oag-ts-${run}-bad`, rack: { name: `no-such-${run}` } } }),
);
check(bad === 400, "unknown rack is a 400");
check(body.includes('"rack"'), `the 400 body names the field: ${body}`);

await servers.dcimServersDelete({ id: first.id });
const [gone] = await statusOf(servers.dcimServersRetrieve({ id: first.id }));
check(gone === 404, "deleted server is 404");
console.log("openapi-generator typescript-axios client scenario: all passed");
