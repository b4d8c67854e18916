import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { openDatabase, rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { backend } from "./harness";
import { type ServerProcess, scratchDataDir, scratchPostgres, seenRunning, spawnServer } from "./server-process";

/**
 * `kill -9` of the server in the middle of a 10,000-object bulk create: the bulk is one
 * transaction, so the database holds all of it or none of it — never a prefix. Each
 * backend is tested once, in its own vitest project (a PGlite data dir on disk, a
 * PostgreSQL database).
 */

const N = 10_000;
const tags = (prefix: string) =>
  Array.from({ length: N }, (_, i) => ({ name: `${prefix}-${i}`, slug: `${prefix}-${i}`, color: "00ff00" }));

/** Starts the bulk request and returns its outcome without ever throwing (the peer dies). */
function bulk(s: ServerProcess, prefix: string) {
  return s.request("POST", "/api/core/tags/", tags(prefix)).then(
    (r) => ({ status: r.status as number | "reset" }),
    () => ({ status: "reset" as const }),
  );
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** PostgreSQL: the open transaction is visible in pg_stat_activity; kill while it runs. */
async function onPostgres() {
  {
    const pg = await scratchPostgres();
    cleanups.push(pg.drop);
    const s = await spawnServer({ databaseUrl: pg.url });
    cleanups.push(s.stop);

    // Mid-request, observed from the database: the insert is running inside an open transaction.
    const outcome = bulk(s, "a");
    expect(await seenRunning(pg.sql, 'insert into "tags"%'), "the bulk insert was never seen running").toBe(true);
    s.proc.kill("SIGKILL");
    const { signal } = await s.exited;
    expect(signal).toBe("SIGKILL");
    expect((await outcome).status).toBe("reset");

    // The dead client's backends end (and roll back); then count what is committed.
    for (let i = 0; i < 100; i++) {
      const [row] = await pg.sql`SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()`;
      if (row!.n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const [{ n }] = (await pg.sql`SELECT count(*)::int AS n FROM tags WHERE name LIKE 'a-%'`) as unknown as [
      { n: number },
    ];
    expect(n).toBe(0); // killed before COMMIT: none

    // A restarted server on the same database works and a full bulk commits all.
    const again = await spawnServer({ databaseUrl: pg.url });
    cleanups.push(again.stop);
    expect((await bulk(again, "b")).status).toBe(201);
    const [{ m }] = (await pg.sql`SELECT count(*)::int AS m FROM tags WHERE name LIKE 'b-%'`) as unknown as [
      { m: number },
    ];
    expect(m).toBe(N);
  }
}

/** PGlite data dir: kill while the WAL is being written; the data dir must open again. */
async function onPglite() {
  {
    const data = scratchDataDir();
    cleanups.push(data.remove);
    let s = await spawnServer({ dataDir: data.dir });
    cleanups.push(() => s.stop());
    expect((await s.request("POST", "/api/core/tags/", { name: "before", slug: "before" })).status).toBe(201);

    // PGlite lives inside the server process, so no other client can watch the transaction.
    // Its WAL can: 10,000 rows overflow the WAL buffers, which are written out before COMMIT.
    // The second WAL write after the request started (the first may be the token lookup) is
    // mid-transaction. Should a kill land after the answer anyway, try again (at most 3).
    const outcomes: (number | "reset")[] = [];
    for (let attempt = 0; attempt < 3 && !outcomes.includes("reset"); attempt++) {
      if (attempt > 0) s = await spawnServer({ dataDir: data.dir });
      let last = walStamp(data.dir);
      let writes = 0;
      let answered = false;
      const outcome = bulk(s, `b${attempt}-`).finally(() => {
        answered = true;
      });
      while (!answered && writes < 2) {
        await new Promise((r) => setTimeout(r, 10));
        const now = walStamp(data.dir);
        if (now !== last) writes++;
        last = now;
      }
      s.proc.kill("SIGKILL");
      expect((await s.exited).signal).toBe("SIGKILL");
      outcomes.push((await outcome).status);
    }
    expect(outcomes, "no kill landed mid-request").toContain("reset");

    const db = await openDatabase({ dataDir: data.dir });
    try {
      const count = async (p: string) =>
        Number(
          rowsOf<{ n: number }>(
            await db.db.execute(sql`SELECT count(*)::int AS n FROM tags WHERE name LIKE ${`${p}%`}`),
          )[0]!.n,
        );
      expect(await count("before")).toBe(1); // acknowledged earlier: still there
      for (const [i, status] of outcomes.entries()) {
        const n = await count(`b${i}-`);
        if (status === 201)
          expect(n).toBe(N); // acknowledged: all
        else expect([0, N]).toContain(n); // never a part
      }
      // The data dir recovered and takes writes.
      await db.db.execute(sql`INSERT INTO tags (name, slug) VALUES ('after', 'after')`);
      expect(await count("after")).toBe(1);
    } finally {
      await db.close();
    }
  }
}

describe("kill -9 during a bulk create of 10,000 objects", () => {
  it(`leaves all or none in the database (${backend})`, { timeout: 180_000 }, () =>
    backend === "postgresql" ? onPostgres() : onPglite(),
  );
});

/** Changes whenever PostgreSQL writes WAL (segments are preallocated: mtimes, not sizes). */
function walStamp(dir: string): string {
  return readdirSync(join(dir, "pg_wal"), { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `${e.name}:${statSync(join(dir, "pg_wal", e.name)).mtimeMs}`)
    .join(",");
}
