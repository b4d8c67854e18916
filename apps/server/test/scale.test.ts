import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dcimFixtures } from "./fixtures";
import { type Response, startServer, type TestServer } from "./harness";

// Scale features: keyset pagination, sparse fieldsets, ETags, and the statement
// budget of lists — over real HTTP, on PGlite and PostgreSQL.
let s: TestServer;
let rackId: number;
const names = (r: { body: { results: { name: string }[] } }) => r.body.results.map((x) => x.name);
const pathOf = (url: string) => url.slice(url.indexOf("/api/"));

beforeAll(async () => {
  s = await startServer();
  const f = await dcimFixtures(s);
  rackId = f.rack.id;
  // 25 servers, two share each name prefix so ordering by name needs the id tie-break.
  const items = Array.from({ length: 25 }, (_, i) => ({
    name: `srv-${String(Math.floor(i / 2)).padStart(2, "0")}`,
    serial_number: `SN${i}`,
    rack: i % 3 === 0 ? f.rack.id : null,
    position: i % 3 === 0 && i % 2 === 0 ? i + 1 : null,
    local_context_data: { big: "x".repeat(100), i },
    tags: i % 2 ? [f.tag.id] : [],
  }));
  const r = await s.post("/api/dcim/servers/", items);
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
});
afterAll(async () => s?.close());

async function walk(first: string) {
  const seen: number[] = [];
  let next: string | null = first;
  let pages = 0;
  while (next) {
    const r: Response = await s.get(next);
    expect(r.status).toBe(200);
    expect(r.queries).toBeLessThanOrEqual(2);
    expect(r.body.previous).toBeNull();
    seen.push(...r.body.results.map((x: { id: number }) => x.id));
    next = r.body.next ? pathOf(r.body.next) : null;
    pages++;
  }
  return { seen, pages };
}

describe("keyset pagination (?cursor=)", () => {
  it("walks every object once, in the same order as offset pagination, with an exact count", async () => {
    const all = await s.get("/api/dcim/servers/?limit=0");
    const first = await s.get("/api/dcim/servers/?cursor=&limit=10");
    expect(first.body.count).toBe(25);
    expect(first.body.next).toContain("cursor=");
    expect(first.body.next).toContain("limit=10");
    const { seen, pages } = await walk("/api/dcim/servers/?cursor=&limit=10");
    expect(pages).toBe(3);
    expect(seen).toEqual(all.body.results.map((x: { id: number }) => x.id));
  });

  for (const ordering of ["-name", "position", "-position", "rack__name,-id", "created"]) {
    it(`follows ?ordering=${ordering} including NULLs and ties`, async () => {
      const all = await s.get(`/api/dcim/servers/?ordering=${ordering}&limit=0`);
      expect(all.status).toBe(200);
      const { seen } = await walk(`/api/dcim/servers/?ordering=${ordering}&cursor=&limit=4`);
      expect(seen).toEqual(all.body.results.map((x: { id: number }) => x.id));
    });
  }

  it("keeps filters in the next link and counts the filtered set", async () => {
    const r = await s.get(`/api/dcim/servers/?rack_id=${rackId}&cursor=&limit=3`);
    expect(r.body.count).toBe(9);
    expect(r.body.next).toContain(`rack_id=${rackId}`);
    const { seen } = await walk(`/api/dcim/servers/?rack_id=${rackId}&cursor=&limit=3`);
    expect(seen).toHaveLength(9);
  });

  it("neither skips nor repeats rows when rows are inserted and deleted between pages", async () => {
    const page1 = await s.get("/api/dcim/servers/?cursor=&limit=5");
    const seen = names(page1);
    // Delete a row already seen, a row not yet seen, and insert rows before and after the cursor.
    const notYet = (await s.get("/api/dcim/servers/?name=srv-09")).body.results[0];
    expect((await s.del(`/api/dcim/servers/${page1.body.results[0].id}/`)).status).toBe(204);
    expect((await s.del(`/api/dcim/servers/${notYet.id}/`)).status).toBe(204);
    await s.post("/api/dcim/servers/", [{ name: "aaa-before" }, { name: "zzz-after" }]);
    let next: string | null = pathOf(page1.body.next);
    while (next) {
      const r: Response = await s.get(next);
      seen.push(...names(r));
      next = r.body.next ? pathOf(r.body.next) : null;
    }
    expect(seen).not.toContain("aaa-before");
    expect(seen).toContain("zzz-after");
    expect(seen.filter((n) => n === "srv-09")).toHaveLength(1);
    expect(new Set(seen.map((n, i) => `${n}#${i}`)).size).toBe(seen.length);
    const ids = [...seen];
    expect(ids.length).toBe(5 + (25 - 5 - 1) + 1); // every surviving row after the cursor, once
  });

  it("refuses a bad cursor, and cursor with offset, naming the parameter", async () => {
    for (const bad of ["nope", Buffer.from('{"o":"x","v":[]}').toString("base64url")]) {
      const r = await s.get(`/api/dcim/servers/?cursor=${bad}`);
      expect(r.status).toBe(400);
      expect(r.body.cursor[0]).toMatch(/cursor/i);
    }
    const first = await s.get("/api/dcim/servers/?cursor=&limit=2");
    const cursor = new URL(first.body.next).searchParams.get("cursor")!;
    const other = await s.get(`/api/dcim/servers/?ordering=-name&cursor=${cursor}`);
    expect(other.status).toBe(400);
    const mixed = await s.get("/api/dcim/servers/?cursor=&offset=5");
    expect(mixed.status).toBe(400);
    expect(mixed.body.cursor).toBeDefined();
  });
});

describe("offset pagination", () => {
  it("answers deep pages in two statements with the same rows as a full listing", async () => {
    const all = await s.get("/api/dcim/servers/?limit=0");
    const deep = await s.get("/api/dcim/servers/?limit=4&offset=10&ordering=-position");
    const allByPos = await s.get("/api/dcim/servers/?limit=0&ordering=-position");
    expect(deep.queries).toBe(2);
    expect(deep.body.count).toBe(all.body.count);
    expect(deep.body.results.map((x: { id: number }) => x.id)).toEqual(
      allByPos.body.results.slice(10, 14).map((x: { id: number }) => x.id),
    );
    expect(deep.body.next).toContain("offset=14");
    expect(deep.body.previous).toContain("offset=6");
  });
});

describe("sparse fieldsets (?fields=, ?exclude=)", () => {
  it("returns only the requested fields plus id, url and display", async () => {
    const r = await s.get("/api/dcim/servers/?fields=name,rack&limit=3");
    expect(r.status).toBe(200);
    for (const x of r.body.results) expect(Object.keys(x).sort()).toEqual(["display", "id", "name", "rack", "url"]);
    const d = await s.get(`/api/dcim/servers/${r.body.results[0].id}/?fields=serial_number`);
    expect(Object.keys(d.body).sort()).toEqual(["display", "id", "serial_number", "url"]);
    expect(d.body.display).toBe(r.body.results[0].display);
  });

  it("leaves heavy fields out with ?exclude=", async () => {
    const r = await s.get("/api/dcim/servers/?exclude=local_context_data,tags&limit=2");
    expect(r.body.results[0]).not.toHaveProperty("local_context_data");
    expect(r.body.results[0]).not.toHaveProperty("tags");
    expect(r.body.results[0]).toHaveProperty("serial_number");
    const both = await s.get("/api/dcim/servers/?cursor=&fields=name,tags&exclude=tags&limit=2");
    expect(Object.keys(both.body.results[0]).sort()).toEqual(["display", "id", "name", "url"]);
    expect(both.body.next).toContain("fields=name");
  });

  it("refuses unknown field names, naming the parameter", async () => {
    const r = await s.get("/api/dcim/servers/?fields=name,nonsense");
    expect(r.status).toBe(400);
    expect(r.body.fields[0]).toContain('"nonsense"');
    const e = await s.get("/api/dcim/servers/1/?exclude=bogus");
    expect(e.status).toBe(400);
    expect(e.body.exclude[0]).toContain('"bogus"');
  });
});

describe("ETag, If-None-Match and If-Match", () => {
  it("answers 304 while the object is unchanged and 200 with a new ETag after a change", async () => {
    const x = (await s.get("/api/dcim/servers/?limit=1")).body.results[0];
    const r = await s.get(`/api/dcim/servers/${x.id}/`);
    const etag = r.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await s.get(`/api/dcim/servers/${x.id}/`, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    await s.patch(`/api/dcim/servers/${x.id}/`, { comments: "changed" });
    const after = await s.get(`/api/dcim/servers/${x.id}/`, { "If-None-Match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
  });

  it("applies PATCH/PUT with a current If-Match and refuses a stale one with 412, changing nothing", async () => {
    const x = (await s.get("/api/dcim/servers/?limit=1&offset=3")).body.results[0];
    const etag = (await s.get(`/api/dcim/servers/${x.id}/`)).headers.get("etag")!;
    const ok = await s.request("PATCH", `/api/dcim/servers/${x.id}/`, { comments: "first" }, { "If-Match": etag });
    expect(ok.status).toBe(200);
    const newEtag = ok.headers.get("etag")!;
    expect(newEtag).not.toBe(etag);
    const stale = await s.request("PATCH", `/api/dcim/servers/${x.id}/`, { comments: "second" }, { "If-Match": etag });
    expect(stale.status).toBe(412);
    expect(stale.body.detail).toMatch(/changed/);
    const put = await s.request("PUT", `/api/dcim/servers/${x.id}/`, { name: x.name }, { "If-Match": etag });
    expect(put.status).toBe(412);
    const now = await s.get(`/api/dcim/servers/${x.id}/`);
    expect(now.body.comments).toBe("first");
    expect(now.headers.get("etag")).toBe(newEtag);
    const put2 = await s.request("PUT", `/api/dcim/servers/${x.id}/`, { name: x.name }, { "If-Match": newEtag });
    expect(put2.status).toBe(200);
    const star = await s.request("PATCH", `/api/dcim/servers/${x.id}/`, { comments: "any" }, { "If-Match": "*" });
    expect(star.status).toBe(200);
  });
});
