import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Rackplane, RackplaneError } from "../src";
import { DEFAULT_ITERATION_PAGE_SIZE } from "../src/core/client";
import { startServer, type TestServer } from "./server";

// A server whose default page is 4 items, so that a walk of 23 items shows how the SDK sizes
// the pages after the first one.
let s: TestServer;
let rackId: number;
const TOKEN = "0123456789abcdef0123456789abcdef01234567";
const ITEMS = 23;

/** A client that records the query of every request it sends. */
function client(options: { iterationPageSize?: number } = {}) {
  const queries: URLSearchParams[] = [];
  const rp = new Rackplane({
    baseUrl: s.baseUrl,
    token: TOKEN,
    ...options,
    fetch: (url, init) => {
      queries.push(new URL(url).searchParams);
      return fetch(url, init);
    },
  });
  return { rp, queries };
}
const expected = Array.from({ length: ITEMS }, (_, i) => `it-${String(i).padStart(2, "0")}`);

beforeAll(async () => {
  s = await startServer({ RACKPLANE_ADMIN_TOKEN: TOKEN, RACKPLANE_PAGE_SIZE: "4" });
  const { rp } = client();
  const region = await rp.dcim.regions.create({ name: "it region", slug: "it-region" });
  const dc = await rp.dcim.dataCenters.create({ name: "it DC", slug: "it-dc", region: region.id });
  const room = await rp.dcim.serverRooms.create({ name: "it room", data_center: dc.id });
  rackId = (await rp.dcim.racks.create({ name: "it-R1", server_room: room.id })).id;
  await rp.dcim.servers.bulkCreate(expected.map((name) => ({ name, rack: rackId })));
});
afterAll(async () => s?.close());

describe("walking a list item by item", () => {
  it("asks for pages of iterationPageSize after the first when the call gave no limit", async () => {
    const { rp, queries } = client();
    const names: string[] = [];
    for await (const srv of rp.dcim.servers.list({ rack_id: rackId, ordering: "name" })) names.push(srv.name);
    expect(names).toEqual(expected);
    // The first page is the server's default (4); the rest came in one page of 500.
    expect(queries.map((q) => q.get("limit"))).toEqual([null, String(DEFAULT_ITERATION_PAGE_SIZE)]);
    expect(queries[1]!.get("offset")).toBe("4");
    expect(queries[1]!.get("rack_id")).toBe(String(rackId));

    const small = client({ iterationPageSize: 7 });
    const cursorNames: string[] = [];
    for await (const srv of small.rp.dcim.servers.list({ rack_id: rackId, cursor: "" })) cursorNames.push(srv.name);
    expect(cursorNames).toEqual(expected); // keyset pages: 4 + 7 + 7 + 5, none lost or repeated
    expect(small.queries.map((q) => q.get("limit"))).toEqual([null, "7", "7", "7"]);
    expect(small.queries.slice(1).every((q) => q.has("cursor") && !q.has("offset"))).toBe(true);

    const all = client({ iterationPageSize: 10 });
    expect(
      (await all.rp.dcim.servers.list({ rack_id: rackId, ordering: "name" }).toArray()).map((x) => x.name),
    ).toEqual(expected);
    expect(all.queries.map((q) => q.get("limit"))).toEqual([null, "10", "10"]);

    // With a limit of items wanted, no page asks for more than are still missing.
    const nine = client();
    const first9 = await nine.rp.dcim.servers.list({ rack_id: rackId, ordering: "name" }).toArray({ limit: 9 });
    expect(first9.map((x) => x.name)).toEqual(expected.slice(0, 9));
    expect(nine.queries.map((q) => q.get("limit"))).toEqual([null, "5"]);
    const page = await nine.rp.dcim.servers.list({ rack_id: rackId, ordering: "name" });
    expect((await page.toArray({ limit: 20 })).map((x) => x.name)).toEqual(expected.slice(0, 20));
    expect(nine.queries.slice(3).map((q) => q.get("limit"))).toEqual(["16"]);
  });

  it("keeps a page size the call chose, and the server's own links for pages", async () => {
    const { rp, queries } = client();
    const names: string[] = [];
    for await (const srv of rp.dcim.servers.list({ rack_id: rackId, ordering: "name", limit: 10 }))
      names.push(srv.name);
    expect(names).toEqual(expected);
    expect(queries.map((q) => q.get("limit"))).toEqual(["10", "10", "10"]);

    // Page numbers are positions only with their page size: those links are followed as given.
    queries.length = 0;
    const paged: string[] = [];
    for await (const srv of rp.dcim.servers.list({ rack_id: rackId, ordering: "name", page: 1 })) paged.push(srv.name);
    expect(paged).toEqual(expected);
    expect(queries.map((q) => q.get("page"))).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(queries.every((q) => !q.has("limit"))).toBe(true);

    // Page by page, the pages are the server's.
    queries.length = 0;
    const sizes: number[] = [];
    for await (const p of (await rp.dcim.servers.list({ rack_id: rackId })).iterPages()) sizes.push(p.results.length);
    expect(sizes).toEqual([4, 4, 4, 4, 4, 3]);
    expect(queries.slice(1).every((q) => q.get("limit") === "4")).toBe(true);
  });

  it("refuses an iterationPageSize that is not a positive integer", () => {
    expect(() => client({ iterationPageSize: 0 })).toThrow(RackplaneError);
    expect(() => client({ iterationPageSize: 2.5 })).toThrow(/iterationPageSize/);
  });
});
