import { rowsOf } from "@rackplane/db";
import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./harness";

/**
 * Unfiltered list counts come from maintained per-table deltas (migration 0011),
 * not a scan. They must stay exactly `count(*)` through every kind of write.
 */
let s: TestServer;
const rows = async <T = Record<string, unknown>>(q: SQL) => rowsOf<T>(await s.database.db.execute(q));
const actual = async () => Number((await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM regions`))[0]!.n);
const listed = async () => {
  const r = await s.get("/api/dcim/regions/?limit=1");
  expect(r.status).toBe(200);
  expect(r.queries).toBeLessThanOrEqual(2);
  return r.body.count as number;
};
const region = (i: number) => ({ name: `count-${i}`, slug: `count-${i}` });

beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => s?.close());

describe("maintained counts", () => {
  it("every table with an id is counted by triggers (a new table must call rackplane_track_count)", async () => {
    const missing = await rows<{ relname: string }>(sql`
      SELECT c.relname FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
      WHERE c.relkind = 'r' AND ns.nspname = 'public' AND c.relname <> 'row_count_deltas'
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'id')
        AND (SELECT count(*) FROM pg_trigger tg WHERE tg.tgrelid = c.oid AND tg.tgname LIKE '%\\_count\\_%') < 3`);
    expect(missing.map((m) => m.relname)).toEqual([]);
    const statusTables = await rows<{ relname: string }>(sql`
      SELECT c.relname FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
      WHERE c.relkind = 'r' AND ns.nspname = 'public'
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'id') -- resources, not bookkeeping (idempotency keys)
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'status')
        AND (SELECT count(*) FROM pg_trigger tg WHERE tg.tgrelid = c.oid AND tg.tgname LIKE '%\\_status\\_vcount\\_%') < 4`);
    expect(statusTables.map((m) => m.relname)).toEqual([]);
    expect(missing.map((m) => m.relname)).toEqual([]);
  });

  it("stay exact through single, bulk and direct-SQL writes, deletes and rolled-back requests", async () => {
    expect(await listed()).toBe(await actual());
    for (let i = 0; i < 3; i++) expect((await s.post("/api/dcim/regions/", region(i))).status).toBe(201);
    const bulk = await s.post(
      "/api/dcim/regions/",
      Array.from({ length: 50 }, (_, i) => region(100 + i)),
    );
    expect(bulk.status).toBe(201);
    // A bulk with one bad item writes nothing — and counts nothing.
    const bad = await s.post("/api/dcim/regions/", [region(900), { name: "no slug" }]);
    expect(bad.status).toBe(400);
    // Another client writing behind the server's back.
    await s.database.db.execute(sql`INSERT INTO regions (name, slug) VALUES ('raw-1', 'raw-1'), ('raw-2', 'raw-2')`);
    await s.database.db.execute(sql`DELETE FROM regions WHERE slug = 'raw-1'`);
    const ids = (bulk.body as { id: number }[]).slice(0, 10).map((r) => ({ id: r.id }));
    expect((await s.del("/api/dcim/regions/", ids)).status).toBe(204);
    expect(await actual()).toBe(3 + 50 + 1 - 10);
    expect(await listed()).toBe(await actual());
    // Filtered counts are counted the ordinary way.
    expect((await s.get("/api/dcim/regions/?name__istartswith=count-1")).body.count).toBe(
      Number((await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM regions WHERE name LIKE 'count-1%'`))[0]!.n),
    );
  });

  it("folds many delta rows into one on read, without changing the count", async () => {
    for (let i = 0; i < 70; i++) expect((await s.post("/api/dcim/regions/", region(1000 + i))).status).toBe(201);
    const parts = async () =>
      Number(
        (
          await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM row_count_deltas WHERE table_name = 'regions'`)
        )[0]!.n,
      );
    expect(await parts()).toBeGreaterThan(64);
    const before = await actual();
    expect(await listed()).toBe(before);
    await expect.poll(parts, { timeout: 5000 }).toBe(1);
    expect(await listed()).toBe(before);
  });

  it("per-value counts of status stay exact through creates, status changes, bulk updates and deletes", async () => {
    const statusCount = async (q: string) => {
      const r = await s.get(`/api/dcim/servers/?${q}&limit=1`);
      expect(r.status).toBe(200);
      expect(r.queries).toBeLessThanOrEqual(2);
      return r.body.count as number;
    };
    const actualStatus = async (...vs: string[]) =>
      Number(
        (
          await rows<{ n: number }>(
            sql`SELECT count(*)::int AS n FROM servers WHERE status = ANY(${sql.param(vs)}::text[])`,
          )
        )[0]!.n,
      );
    const check = async () => {
      for (const v of ["new", "in_use", "to_deploy", "damaged"])
        expect(await statusCount(`status=${v}`)).toBe(await actualStatus(v));
      expect(await statusCount("status=new&status=in_use")).toBe(await actualStatus("new", "in_use"));
      expect(await statusCount("status__in=new,free")).toBe(await actualStatus("new", "free"));
      // …answered from the per-value counts (the marker row says the column is counted).
      expect(
        await rows(sql`SELECT 1 FROM row_count_deltas WHERE table_name = 'servers.status' AND value IS NULL`),
      ).toHaveLength(1);
    };
    const made = await s.post(
      "/api/dcim/servers/",
      Array.from({ length: 30 }, (_, i) => ({ name: `vc-${i}`, status: i % 3 ? "new" : "in_use" })),
    );
    expect(made.status).toBe(201);
    await check();
    const ids = (made.body as { id: number }[]).map((o) => o.id);
    expect((await s.patch(`/api/dcim/servers/${ids[1]}/`, { status: "damaged" })).status).toBe(200);
    expect(
      (
        await s.patch(
          "/api/dcim/servers/",
          ids.slice(2, 12).map((id) => ({ id, status: "to_deploy" })),
        )
      ).status,
    ).toBe(200);
    // An update that leaves status alone moves nothing.
    expect(
      (
        await s.patch(
          "/api/dcim/servers/",
          ids.slice(12, 20).map((id) => ({ id, comments: "x" })),
        )
      ).status,
    ).toBe(200);
    await s.database.db.execute(sql`UPDATE servers SET status = 'in_use' WHERE name = 'vc-29'`);
    expect(
      (
        await s.del(
          "/api/dcim/servers/",
          ids.slice(20, 25).map((id) => ({ id })),
        )
      ).status,
    ).toBe(204);
    await check();
    // Combined with another condition, the count is the ordinary filtered count.
    expect(await statusCount("status=free&name__istartswith=vc-1")).toBe(
      Number(
        (
          await rows<{ n: number }>(
            sql`SELECT count(*)::int AS n FROM servers WHERE status = 'free' AND name LIKE 'vc-1%'`,
          )
        )[0]!.n,
      ),
    );
  });

  it("TRUNCATE resets the count", async () => {
    await s.database.db.execute(sql`TRUNCATE regions CASCADE`);
    expect(await listed()).toBe(0);
    expect((await s.post("/api/dcim/regions/", region(5000))).status).toBe(201);
    expect(await listed()).toBe(1);
  });
});
