import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/client";
import { openPglite, templatePath } from "../src/pglite-template";
import { rowsOf } from "../src/rows-of";

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
});
