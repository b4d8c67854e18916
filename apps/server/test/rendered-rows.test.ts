import { type AnyResource, resourceList } from "@rackplane/contract";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bindingOf } from "../src/framework/binding";
import { renderedSelect } from "../src/framework/render";
import { UNRESTRICTED } from "../src/framework/scope";
import { seed } from "../src/seed";
import { type Caller, grant, userCaller } from "./callers";
import { make, startServer, type TestServer } from "./harness";
import { raw } from "./raw-http";

/**
 * List pages are written by PostgreSQL (render.ts) and details presented in the server
 * (read.ts `present`): both must give the same bytes for every object of every resource —
 * whole, brief and with `?fields=` — as a superuser and as a user whose permissions blank
 * nested objects and hide rows. The sample inventory plus rows with what JSON escapes or
 * JavaScript reformats (quotes, control characters, U+2028, astral characters, numeric
 * 1.50, bigint, stored JSON with integer-like keys and 1e2).
 */

/** Resources presented in the server, not by PostgreSQL, and why (see render.ts). */
const PRESENTED_IN_SERVER: Record<string, string> = {
  "core.object-changes": "images and repr are read through scoped expressions of their own",
};

const ROWS = 8;
let s: TestServer;
let restricted: Caller;
const ids: Record<string, number> = {};

beforeAll(async () => {
  s = await startServer();
  expect(await seed(s.database, () => {})).toBe(true);
  const rack = (await s.get("/api/dcim/racks/?name=A01")).body.results[0];
  const tag = await make(s, "/api/core/tags/", { name: 'Tag "q" \\ ü', slug: "edge-tag" });
  const edge = await make(s, "/api/dcim/servers/", {
    name: 'edge "q" \\ ü 🚀 \u2028',
    rack: rack.id,
    status: "in_use",
    comments: 'line "one"\n\ttab \u0001 \u007f — ünïcødé 🚀 </script>',
    local_context_data: { "10": 1, "2": [1.5, "x", null, true], b: { z: 1, a: 2 }, a: null, e: 1e2, f: 0.1 },
    tags: [tag.id],
  });
  ids.edge = edge.id;
  // Inventory is read from BMCs, not written through the API.
  await s.database.db.execute(
    sql`INSERT INTO server_storages (server_id, drives, capacity_bytes) VALUES (${edge.id}, '[{"Name":"nvme0","CapacityBytes":1.0e3}]', ${2 ** 40 + 1})`,
  );
  await make(s, "/api/services/supports/", {
    name: "Edge support",
    contract_id: "EDGE-1",
    date_to: "2030-01-01",
    price: 1.5,
  });
  // Display templates with empty fields: a blank separator goes with them ("PLIX 2001:7f8::1").
  await make(s, "/api/peering/ixp-connections/", { internet_exchange: { slug: "plix" }, ipv6_address: "2001:7f8::1" });
  await make(s, "/api/peering/ixp-connections/", { internet_exchange: { slug: "plix" } });
  await make(s, "/api/assets/domain-contracts/", { domain: { name: "example.com" }, registrar: "Edge" });

  const { id: userId, caller } = await userCaller(s, "viewer");
  restricted = caller;
  const hidden = new Set(["core.tags", "dcim.data-centers", "dcim.servers"]);
  // Every app (`app.*`), but the hidden resources' apps one resource at a time.
  for (const app of new Set(resourceList.map((r) => r.key.split(".")[0]!))) {
    const keys = resourceList.map((r) => r.key).filter((k) => k.startsWith(`${app}.`));
    const shown = keys.some((k) => hidden.has(k)) ? keys.filter((k) => !hidden.has(k)).join(",") : `${app}.*`;
    await grant(s, { name: `view-${app}`, object_types: shown, actions: "view", users: [userId] });
  }
  await grant(s, {
    name: "some-servers",
    object_types: "dcim.servers",
    actions: "view",
    constraints: "status=in_use",
    users: [userId],
  });
}, 240_000);
afterAll(async () => s?.close());

/** Every object of the first page (whole, brief, two fields) against its detail, byte for byte. */
async function sameAsDetails(caller: Caller, r: AnyResource): Promise<number> {
  const fields = Object.keys(r.fields)
    .filter((f) => f !== "id" && !r.fields[f]!.options.writeOnly)
    .slice(-2)
    .join(",");
  let compared = 0;
  for (const query of ["", "brief=1", `fields=${fields}`]) {
    const page = await caller.get(`${r.path}?limit=${ROWS}&${query}`);
    if (page.status === 403 || page.status === 405) return compared;
    expect(page.status, `${r.path}?${query}`).toBe(200);
    for (const o of page.body.results) {
      const detail = await caller.get(`${r.path}${o.id}/?${query}`);
      expect(detail.status, `${r.path}${o.id}/?${query}`).toBe(200);
      expect(JSON.stringify(o), `${r.key} ${o.id} ?${query}`).toBe(JSON.stringify(detail.body));
      compared++;
    }
  }
  return compared;
}

describe("list pages written by PostgreSQL", () => {
  it("cover every resource but the ones that need the server", () => {
    const presented = resourceList
      .filter((r) => !renderedSelect(bindingOf(r.key), "t", false, undefined, UNRESTRICTED))
      .map((r) => r.key);
    expect(presented.sort()).toEqual(Object.keys(PRESENTED_IN_SERVER).sort());
  });

  it("are byte for byte what the details show, for a superuser", async () => {
    let total = 0;
    for (const r of resourceList) total += await sameAsDetails(s, r);
    expect(total).toBeGreaterThan(resourceList.length * 2);
  }, 300_000);

  it("are byte for byte what the details show, for a user with blanked and hidden objects", async () => {
    let total = 0;
    for (const r of resourceList) total += await sameAsDetails(restricted, r);
    expect(total).toBeGreaterThan(resourceList.length);
    // The scope was applied: the hidden tag is left out of the server's nested tags, its rows filtered.
    const edge = await restricted.get(`/api/dcim/servers/?id=${ids.edge}`);
    expect(edge.body.results[0].tags).toEqual([]);
    expect((await restricted.get("/api/dcim/servers/?status=free")).body.count).toBe(0);
  }, 300_000);

  it("keep the escapes, numbers and key order JSON.stringify writes", async () => {
    const page = await raw(s, `/api/dcim/servers/?id=${ids.edge}`);
    const text = page.body.toString("utf8");
    expect(JSON.stringify(JSON.parse(text))).toBe(text);
    expect(text).toContain(String.raw`line \"one\"\n\ttab \u0001 ` + "\u007f — ünïcødé 🚀 </script>");
    expect(text).toContain(
      `"local_context_data":{"2":[1.5,"x",null,true],"10":1,"a":null,"b":{"a":2,"z":1},"e":100,"f":0.1}`,
    );
    const storage = await s.get(`/api/dcim/server-storages/?server=${ids.edge}`);
    expect(storage.body.results[0].capacity_bytes).toBe(2 ** 40 + 1);
    const support = await s.get("/api/services/supports/?name=Edge%20support");
    expect(support.body.results[0].price).toBe(1.5);
  });

  it("are the same rows at an offset, after a cursor and pretty-printed", async () => {
    const all = (await s.get("/api/dcim/servers/?limit=10")).body.results;
    const offset = (await s.get("/api/dcim/servers/?limit=4&offset=3")).body.results;
    expect(offset).toEqual(all.slice(3, 7));
    const first = await s.get("/api/dcim/servers/?limit=3&cursor=");
    const next = await s.get(first.body.next.replace(s.baseUrl, ""));
    expect([...first.body.results, ...next.body.results]).toEqual(all.slice(0, 6));
    const pretty = await s.get("/api/dcim/servers/?limit=10", { accept: "application/json; indent=2" });
    expect(pretty.body.results).toEqual(all);
  });
});
