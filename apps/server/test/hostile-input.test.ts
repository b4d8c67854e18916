import { MAX_ORDERING_FIELDS, MAX_PARAMETER_VALUES } from "@rackplane/contract";
import { openapiDocument } from "@rackplane/contract/openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./harness";

/**
 * Hostile query shapes a read-only caller can send (issue 16 §5): repeated parameters
 * are capped with a 400 naming the parameter and the limit, `?tag=` costs the same
 * whatever the number of tags, crafted keyset cursors are a 400 naming `cursor`.
 */
let s: TestServer;
const N = MAX_PARAMETER_VALUES;
const repeat = (name: string, n: number, v: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => `${name}=${encodeURIComponent(v(i))}`).join("&");
const cursor = (o: string, v: unknown[]) => Buffer.from(JSON.stringify({ o, v })).toString("base64url");

beforeAll(async () => {
  s = await startServer();
  const tags = await s.post(
    "/api/core/tags/",
    Array.from({ length: N }, (_, i) => ({ name: `T${i}`, slug: `t${i}` })),
  );
  expect(tags.status).toBe(201);
  const all = tags.body.map((t: { id: number }) => t.id);
  const made = await s.post("/api/dcim/servers/", [
    { name: "every-tag", tags: all },
    { name: "two-tags", tags: all.slice(0, 2) },
    { name: "no-tags" },
  ]);
  expect(made.status).toBe(201);
});
afterAll(async () => {
  await s?.close();
});

describe("repeated parameters are capped", () => {
  it("1,500 tag parameters are a 400 naming tag and the limit, answered at once", async () => {
    const t0 = Date.now();
    const r = await s.get(`/api/dcim/servers/?${repeat("tag", 1500, (i) => `t${i}`)}`);
    expect(r.status).toBe(400);
    expect(r.body.tag).toEqual([`At most ${N} values per parameter (got 1500).`]);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it("an __in list, repeated exact values and repeated text lookups over the cap are a 400 each", async () => {
    const ids = Array.from({ length: N + 1 }, (_, i) => i + 1).join(",");
    let r = await s.get(`/api/dcim/servers/?id__in=${ids}`);
    expect(r.status).toBe(400);
    expect(r.body.id__in).toEqual([`At most ${N} values per parameter (got ${N + 1}).`]);
    r = await s.get(`/api/dcim/servers/?${repeat("name", N + 1, (i) => `n${i}`)}`);
    expect(r.status).toBe(400);
    expect(r.body.name).toEqual([`At most ${N} values per parameter (got ${N + 1}).`]);
    r = await s.get(`/api/dcim/servers/?${repeat("name__icontains", N + 1, (i) => `n${i}`)}`);
    expect(r.status).toBe(400);
    expect(Object.keys(r.body)).toEqual(["name__icontains"]);
    r = await s.get(`/api/dcim/servers/?${repeat("rack__name", N + 1, (i) => `r${i}`)}`);
    expect(r.status).toBe(400);
    expect(Object.keys(r.body)).toEqual(["rack__name"]);
  });

  it("the limit itself is accepted", async () => {
    const ids = Array.from({ length: N }, (_, i) => i + 1).join(",");
    const r = await s.get(`/api/dcim/servers/?id__in=${ids}&${repeat("name", N, (i) => (i ? `n${i}` : "no-tags"))}`);
    expect(r.status).toBe(200);
    expect(r.body.results.map((x: { name: string }) => x.name)).toEqual(["no-tags"]);
  });

  it("more ordering fields than the cap are a 400 naming ordering", async () => {
    const r = await s.get(
      `/api/dcim/servers/?ordering=${Array(MAX_ORDERING_FIELDS + 1)
        .fill("name")
        .join(",")}`,
    );
    expect(r.status).toBe(400);
    expect(r.body.ordering).toEqual([
      `At most ${MAX_ORDERING_FIELDS} ordering fields (got ${MAX_ORDERING_FIELDS + 1}).`,
    ]);
  });

  it("the OpenAPI document states the caps as maxItems", () => {
    const doc = openapiDocument() as any;
    const op = doc.paths["/api/dcim/servers/"].get;
    const params = op.parameters.map((p: any) => (p.$ref ? doc.components.parameters[p.$ref.split("/").pop()] : p));
    const byName = new Map(params.map((p: any) => [p.name, p]));
    for (const name of ["tag", "name", "name__icontains", "id__in", "rack__name", "fields"])
      expect((byName.get(name) as any).schema.maxItems, name).toBe(N);
    expect((byName.get("ordering") as any).schema.maxItems).toBe(MAX_ORDERING_FIELDS);
  });
});

describe("?tag= is one condition however many tags", () => {
  it(`${N} tags answer promptly and mean AND; repeated slugs count once`, async () => {
    const t0 = Date.now();
    let r = await s.get(`/api/dcim/servers/?${repeat("tag", N, (i) => `t${i}`)}`);
    expect(r.status).toBe(200);
    expect(r.body.results.map((x: { name: string }) => x.name)).toEqual(["every-tag"]);
    expect(r.body.count).toBe(1);
    // One EXISTS per tag: 8.5 s here (planning alone, on three rows); one grouped subquery: 0.4 s.
    expect(Date.now() - t0).toBeLessThan(4_000);
    r = await s.get("/api/dcim/servers/?tag=t0&tag=t1&tag=t0&ordering=name");
    expect(r.body.results.map((x: { name: string }) => x.name)).toEqual(["every-tag", "two-tags"]);
    r = await s.get("/api/dcim/servers/?tag=t0&tag=t2&ordering=name");
    expect(r.body.results.map((x: { name: string }) => x.name)).toEqual(["every-tag"]);
    r = await s.get("/api/dcim/servers/?tag=t0&tag=nope");
    expect(r.body.count).toBe(0);
  });
});

describe("crafted keyset cursors are a 400 naming cursor", () => {
  const cases: [string, string, unknown[]][] = [
    ["/api/users/users/?ordering=is_active", "is_active,id", ["banana", "1"]],
    ["/api/users/tokens/?ordering=write_enabled", "write_enabled,id", ["yes please", "1"]],
    ["/api/peering/autonomous-systems/?ordering=affiliated", "affiliated,id", ["1", "1"]],
    ["/api/peering/ixp-sessions/?ordering=-passive", "-passive,id", ["t", "1"]],
    ["/api/dcim/servers/?ordering=name", "name,id", ["a", "1.5"]],
    ["/api/dcim/servers/?ordering=name", "name,id", ["a", "99999999999"]],
    ["/api/dcim/servers/?ordering=name", "name,id", ["a", null]],
    ["/api/dcim/servers/?ordering=created", "created,id", ["yesterday", "1"]],
    ["/api/dcim/servers/?ordering=created", "created,id", ["2026-13-45 10:00:00+00", "1"]],
  ];
  for (const [path, o, v] of cases)
    it(`${path} with ${JSON.stringify(v)}`, async () => {
      const r = await s.get(`${path}&cursor=${cursor(o, v)}`);
      expect(r.status).toBe(400);
      expect(Object.keys(r.body)).toEqual(["cursor"]);
      expect(r.body.cursor[0]).toMatch(/^Invalid cursor: /);
    });

  it("cursors the server wrote still page (booleans, timestamps, ids)", async () => {
    for (const ordering of ["is_active", "-created", "last_login"]) {
      const first = await s.get(`/api/users/users/?ordering=${ordering}&limit=1&cursor=`);
      expect(first.status).toBe(200);
      const next = first.body.next as string | null;
      if (next) expect((await s.get(next.slice(s.baseUrl.length))).status).toBe(200);
    }
    const first = await s.get("/api/dcim/servers/?ordering=-created&limit=1&cursor=");
    const second = await s.get((first.body.next as string).slice(s.baseUrl.length));
    expect(second.status).toBe(200);
    expect(second.body.results).toHaveLength(1);
    expect(second.body.results[0].id).not.toBe(first.body.results[0].id);
  });
});
