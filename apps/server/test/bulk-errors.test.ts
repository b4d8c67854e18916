import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { make, startServer, type TestServer } from "./harness";

// Per-item errors for every failure of a bulk request, not only validation
// (api-conventions: "an error response says which items failed and why").
let s: TestServer;
const R = "/api/dcim/regions/";
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => s?.close());

describe("bulk create and update: duplicates are a 409 naming the items", () => {
  it("names the item that collides with a stored object, and nothing is created", async () => {
    await make(s, R, { name: "Europe", slug: "europe" });
    const r = await s.post(R, [
      { name: "Asia", slug: "asia" },
      { name: "Africa", slug: "africa" },
      { name: "Europa", slug: "europe" },
    ]);
    expect(r.status).toBe(409);
    expect(r.body.detail).toBe('An object with slug "europe" already exists. (item 2)');
    expect(r.body.items).toEqual([{}, {}, { slug: ['An object with slug "europe" already exists.'] }]);
    expect((await s.get(`${R}?name=Asia`)).body.count).toBe(0);
  });

  it("names both items of a duplicate inside the request", async () => {
    const r = await s.post(R, [
      { name: "Oceania", slug: "oceania" },
      { name: "Antarctica", slug: "south" },
      { name: "Antarctica", slug: "antarctica" },
    ]);
    expect(r.status).toBe(409);
    expect(r.body.items[0]).toEqual({});
    expect(r.body.items[1].name).toEqual(['An object with name "Antarctica" already exists.']);
    expect(r.body.items[2].name).toEqual(['An object with name "Antarctica" already exists.']);
  });

  it("names the item of a bulk PATCH that takes a taken name", async () => {
    const a = await make(s, R, { name: "Americas", slug: "americas" });
    const b = await make(s, R, { name: "Arctic", slug: "arctic" });
    const r = await s.patch(R, [
      { id: a.id, description: "fine" },
      { id: b.id, name: "Europe" },
    ]);
    expect(r.status).toBe(409);
    expect(r.body.items).toEqual([{}, { name: ['An object with name "Europe" already exists.'] }]);
    expect((await s.get(`${R}${a.id}/`)).body.description).toBe("");
  });
});

describe("bulk PATCH/DELETE with a missing id: 404 naming its index", () => {
  it("points at the item, for PATCH, PUT and DELETE", async () => {
    const a = await make(s, R, { name: "Nordics", slug: "nordics" });
    const patch = await s.patch(R, [
      { id: a.id, description: "x" },
      { id: 99999999, description: "y" },
    ]);
    expect(patch.status).toBe(404);
    expect(patch.body.detail).toBe("No Region matches id 99999999. (item 1)");
    expect(patch.body.items).toEqual([{}, { id: ["No Region matches id 99999999."] }]);
    const put = await s.put(R, [
      { id: 99999998, name: "n", slug: "n" },
      { id: a.id, name: "Nordics", slug: "nordics" },
    ]);
    expect(put.status).toBe(404);
    expect(put.body.items).toEqual([{ id: ["No Region matches id 99999998."] }, {}]);
    const del = await s.del(R, [{ id: 99999997 }, { id: a.id }]);
    expect(del.status).toBe(404);
    expect(del.body.items).toEqual([{ id: ["No Region matches id 99999997."] }, {}]);
    expect((await s.get(`${R}${a.id}/`)).status).toBe(200);
  });
});

describe("bulk delete blocked by references", () => {
  it("names only the objects that are referenced", async () => {
    const P = "/api/pools/pools/";
    const used = await make(s, P, { name: "Used" });
    const free = await make(s, P, { name: "Free" });
    await make(s, "/api/dcim/servers/", { name: "in-used", resource_pool: used.id });
    const r = await s.del(P, [{ id: free.id }, { id: used.id }]);
    expect(r.status).toBe(409);
    expect(r.body.detail).toMatch(/^Cannot delete Pool "Used": still referenced by 1 servers/);
    expect(r.body.detail).not.toContain('"Free"');
    expect(r.body.items).toEqual([{}, { id: ["Still referenced by 1 servers (dcim.servers.resource_pool)."] }]);
    expect((await s.get(`${P}${free.id}/`)).status).toBe(200); // all or none
  });
});
