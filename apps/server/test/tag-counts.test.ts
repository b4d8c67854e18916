import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grant, userCaller } from "./callers";
import { dcimFixtures } from "./fixtures";
import { make, startServer, type TestServer } from "./harness";

/**
 * The count of one `?tag=` is the tag's `tagged_items` rows (counts.ts), not a join against
 * the table: it must stay the number of objects carrying the tag through creates, tag changes
 * and deletes of any kind, and a caller whose view is restricted still counts only what they see.
 */
let s: TestServer;
let id: Record<string, number>;

/** Servers carrying `slug`, from the tables themselves. */
const carrying = async (slug: string, status?: string) =>
  rowsOf<{ n: number }>(
    await s.database.db.execute(sql`SELECT count(*)::int AS n FROM servers sv WHERE EXISTS (
      SELECT 1 FROM tagged_items ti JOIN tags tg ON tg.id = ti.tag_id
      WHERE ti.object_type = 'dcim.servers' AND ti.object_id = sv.id AND tg.slug = ${slug})
      ${status ? sql`AND sv.status = ${status}` : sql``}`),
  )[0]!.n;

/** The list's count for `query`, checked to be the usual two statements (count and page). */
const counted = async (query: string, caller: Pick<TestServer, "get"> = s) => {
  const r = await caller.get(`/api/dcim/servers/?${query}&limit=1`);
  expect(r.status).toBe(200);
  expect(r.queries).toBe(2);
  return r.body.count as number;
};

beforeAll(async () => {
  s = await startServer();
  const fx = await dcimFixtures(s);
  const x = (await make(s, "/api/core/tags/", { name: "X", slug: "x" })).id;
  const y = (await make(s, "/api/core/tags/", { name: "Y", slug: "y" })).id;
  id = { x, y, rack: fx.rack.id };
  for (const [name, status, tags] of [
    ["a", "in_use", [x]],
    ["b", "new", [x]],
    ["c", "new", [x]],
    ["d", "in_use", [x, y]],
    ["e", "in_use", [y]],
    ["f", "in_use", []],
  ] as const)
    id[name] = (await make(s, "/api/dcim/servers/", { name, status, rack: fx.rack.id, tags })).id;
});
afterAll(async () => s?.close());

describe("the count of one ?tag=", () => {
  it("is the objects carrying it through creates, tag changes, API and SQL deletes", async () => {
    expect(await counted("tag=x")).toBe(4);
    expect(await counted("tag=y")).toBe(2);
    expect(await counted("tag=x&tag=x")).toBe(4);

    expect((await s.patch(`/api/dcim/servers/${id.c}/`, { tags: [id.y] })).status).toBe(200);
    expect((await s.patch(`/api/dcim/servers/${id.e}/`, { tags: [id.x, id.y] })).status).toBe(200);
    expect([await counted("tag=x"), await counted("tag=y")]).toEqual([4, 3]);

    expect((await s.del(`/api/dcim/servers/${id.a}/`)).status).toBe(204);
    expect(await counted("tag=x")).toBe(3);
    // Behind the API's back: the table's trigger takes the tags with the rows.
    await s.database.db.execute(sql`DELETE FROM servers WHERE id IN (${id.b}, ${id.d})`);
    expect([await counted("tag=x"), await counted("tag=y")]).toEqual([1, 2]);
    expect([await counted("tag=x"), await counted("tag=y")]).toEqual([await carrying("x"), await carrying("y")]);
  });

  it("with another filter, and for an unknown tag, is what it was", async () => {
    const bulk = Array.from({ length: 5 }, (_, i) => ({
      name: `g${i}`,
      status: i % 2 ? "new" : "in_use",
      tags: [id.y],
    }));
    expect((await s.post("/api/dcim/servers/", bulk)).status).toBe(201);
    expect(await counted("tag=y")).toBe(await carrying("y"));
    expect(await counted("tag=y&status=in_use")).toBe(await carrying("y", "in_use"));
    expect(await counted("tag=y&status=new")).toBe(await carrying("y", "new"));
    expect(await counted("tag=y&status=new")).toBeGreaterThan(0);
    expect(await counted("tag=x&tag=y")).toBe(1); // e
    expect(await counted("tag=no-such-tag")).toBe(0);
  });

  it("counts only what a restricted caller may see", async () => {
    const group = (await make(s, "/api/users/groups/", { name: "in-use-only" })).id;
    const { caller } = await userCaller(s, "tagcounter", [group]);
    await grant(s, {
      name: "in-use",
      object_types: "dcim.servers",
      actions: "view",
      constraints: "status=in_use",
      groups: [group],
    });
    const seen = await carrying("y", "in_use");
    expect(seen).toBeLessThan(await carrying("y"));
    expect(await counted("tag=y", caller)).toBe(seen);
    const page = await caller.get("/api/dcim/servers/?tag=y&limit=100");
    expect(page.body.results).toHaveLength(seen);
    // Without a permission on servers, none.
    const { caller: other } = await userCaller(s, "tagless", [
      (await make(s, "/api/users/groups/", { name: "none" })).id,
    ]);
    expect(await counted("tag=y", other)).toBe(0);
  });
});
