import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/client";
import { migrationsFolder } from "../src/migrations-key";
import { openPglite, templatePath } from "../src/pglite-template";
import { rowsOf } from "../src/rows-of";
import { tarEntries } from "../src/tar";

const root = mkdtempSync(join(tmpdir(), "rp-template-"));
process.env.RACKPLANE_PGLITE_TEMPLATE_DIR = join(root, "templates");
afterAll(() => rmSync(root, { recursive: true, force: true }));

const one = async (db: Awaited<ReturnType<typeof openDatabase>>["db"], q: ReturnType<typeof sql>) =>
  rowsOf<Record<string, unknown>>(await db.execute(q))[0]!;

describe("PGlite cluster template", () => {
  it("is written by the first fresh cluster that migrates, and fresh clusters then start from it", {
    timeout: 180_000,
  }, async () => {
    expect(existsSync(templatePath())).toBe(false);
    const first = await openDatabase({ dataDir: join(root, "a") });
    await first.migrate();
    const level = await first.migrationLevel();
    const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta/_journal.json"), "utf8")) as {
      entries: { tag: string }[];
    };
    expect(level).toEqual({ migration: journal.entries.at(-1)!.tag, applied: journal.entries.length });
    await first.db.execute(sql`INSERT INTO regions (name, slug) VALUES ('only-in-a', 'only-in-a')`);
    await first.close();
    expect(existsSync(templatePath())).toBe(true);

    const cluster = await openPglite(join(root, "b"));
    expect(cluster.fromTemplate).toBe(true);
    await cluster.client.close();

    for (const dataDir of [join(root, "c"), "memory://"]) {
      const next = await openDatabase({ dataDir });
      await next.migrate(); // nothing left to apply
      expect(await next.migrationLevel()).toEqual(level);
      // Empty (nothing written after migrating leaks into the template) and fully working, triggers included.
      expect((await one(next.db, sql`SELECT count(*)::int AS n FROM regions`)).n).toBe(0);
      await next.db.execute(sql`INSERT INTO regions (name, slug) VALUES ('r', 'r'), ('s', 's')`);
      expect(
        (await one(next.db, sql`SELECT sum(delta)::int AS n FROM row_count_deltas WHERE table_name = 'regions'`)).n,
      ).toBe(2);
      await next.close();
    }
  });

  it("never touches a data directory that already holds a cluster", { timeout: 60_000 }, async () => {
    const cluster = await openPglite(join(root, "a"));
    expect(cluster.fromTemplate).toBe(false);
    const r = await cluster.client.query<{ name: string }>("SELECT name FROM regions");
    expect(r.rows.map((x) => x.name)).toEqual(["only-in-a"]);
    await cluster.client.close();
  });

  it("holds one WAL segment: the preallocated ones are 16 MB each to write at every restore", async () => {
    const names = [...tarEntries(gunzipSync(readFileSync(templatePath())))].map((e) => e.name);
    expect(names.filter((n) => /^pg_wal\/[0-9A-F]{24}$/.test(n))).toHaveLength(1);
    expect(names).toContain("PG_VERSION");
  });

  it("gives clusters that write past the template's WAL segment and restart", { timeout: 180_000 }, async () => {
    const dataDir = join(root, "wal");
    const db = await openDatabase({ dataDir });
    await db.migrate();
    // ~20 MB of WAL (hex text does not compress): PostgreSQL has to create the segments the template left out.
    await db.db.execute(
      sql`INSERT INTO regions (name, slug, comments)
        SELECT 'r' || i, 'r' || i, (SELECT string_agg(md5(i::text || '.' || j::text), '') FROM generate_series(1, 32) j)
        FROM generate_series(1, 20000) i`,
    );
    const { segment } = await one(db.db, sql`SELECT pg_walfile_name(pg_current_wal_insert_lsn()) AS segment`);
    expect(String(segment) > "000000010000000000000001").toBe(true);
    await db.close();
    const again = await openDatabase({ dataDir });
    expect((await one(again.db, sql`SELECT count(*)::int AS n FROM regions`)).n).toBe(20000);
    await again.close();
  });
});
