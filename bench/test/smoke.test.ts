import { existsSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "../src/db";
import { createFloor, floorBulkInsert } from "../src/floor";
import { databaseEnv, parseBackends, table } from "../src/main";
import { SEED_SQL, type Seeded, seed, seedPglite, seedStatements } from "../src/seed";

// The benchmark is not part of the test run; this keeps its modules importable
// (and type-checked by `tsc -p bench`) so they do not rot between runs, and runs
// the seed and the floor on a tiny seed of each database.
describe("bench modules", () => {
  it("import and expose their entry points", async () => {
    const [floor, seedModule, main, load] = await Promise.all([
      import("../src/floor"),
      import("../src/seed"),
      import("../src/main"),
      import("../src/load"),
    ]);
    expect(typeof floor.createFloor).toBe("function");
    expect(typeof seedModule.seed).toBe("function");
    expect(seedModule.databaseUrl("postgres://u:p@127.0.0.1:5432/x", "y")).toBe("postgres://u:p@127.0.0.1:5432/y");
    expect(typeof load.load).toBe("function");
    expect(main.table([])).toContain("| backend | size | shape |");
  });

  it("--backend picks one database or both, and rejects anything else", () => {
    expect(parseBackends("postgresql")).toEqual(["postgresql"]);
    expect(parseBackends("pglite")).toEqual(["pglite"]);
    expect(parseBackends("both")).toEqual(["postgresql", "pglite"]);
    expect(() => parseBackends("sqlite")).toThrow(/--backend/);
  });

  it("points the server at a URL, or at a data directory with no URL (as deployed on PGlite)", () => {
    expect(databaseEnv({ url: "postgres://x/y" })).toEqual({ DATABASE_URL: "postgres://x/y" });
    expect(databaseEnv({ dataDir: "/d" })).toEqual({ DATABASE_URL: "", RACKPLANE_DATA_DIR: "/d" });
  });

  it("numbers each seed statement's own parameters from $1", () => {
    const statements = seedStatements(120);
    expect(statements).toHaveLength(SEED_SQL.length);
    for (const [text, params] of statements) {
      expect(text).not.toMatch(/(?<!:):(size|racks|statuses)\b/);
      const used = new Set([...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
      expect([...used].sort()).toEqual(params.map((_, i) => i + 1));
    }
    const servers = statements.find(([text]) => text.startsWith("INSERT INTO servers"))!;
    expect(servers[1]).toEqual([expect.any(Array), 120]);
  });

  it("renders one table row per backend", () => {
    const r = { rps: 10, p50: 1, p99: 2, requests: 30, errors: 0, non2xx: 0 };
    const out = table([{ backend: "pglite", size: 10, shape: "detail", server: r, queries: 1 }]);
    expect(out).toContain("| pglite | 10 | detail | 10 |");
  });
});

const SIZE = 120;
const dir = mkdtempSync(join(tmpdir(), "rackplane-bench-smoke-"));
const smokeDb = `rackplane_bench_smoke_${process.pid}`;
const baseUrl = process.env.DATABASE_URL;
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (!baseUrl) return;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS "${smokeDb}" WITH (FORCE)`);
  await admin.end();
});

const seeders: [string, (() => Promise<Seeded>) | null][] = [
  ["pglite", () => seedPglite(dir, SIZE)],
  ["postgresql", baseUrl ? () => seed(baseUrl, smokeDb, SIZE) : null],
];

describe.each(seeders)("seed and floor on %s", (backend, seedIt) => {
  it.skipIf(!seedIt)(
    "seeds once, reuses the seed, and the floor answers lists, filters, details and bulk inserts",
    async () => {
      const first = await seedIt!();
      expect(first.reused).toBe(false);
      expect(first.version).toMatch(/^\d+/);
      const again = await seedIt!();
      expect(again.reused).toBe(true);
      if ("dataDir" in again.floor) {
        // PGlite: the floor has its own copy, so it never opens the server's directory.
        expect(again.floor.dataDir).not.toBe((again.server as { dataDir: string }).dataDir);
        expect(existsSync(join(again.floor.dataDir, "PG_VERSION"))).toBe(true);
      }

      const db = await openDb(again.floor, 2);
      expect(db.backend).toBe(backend);
      // As many IP addresses as servers, each in its /16 network.
      const [ips] = await db.query<{ n: number; outside: number }>(`SELECT count(*)::int AS n,
        count(*) FILTER (WHERE NOT address <<= (SELECT address FROM networks WHERE id = network_id))::int AS outside
        FROM ip_addresses`);
      expect(ips).toEqual({ n: SIZE, outside: 0 });
      const { server } = createFloor(db);
      await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        const get = async (path: string) => (await fetch(base + path)).json() as Promise<any>;
        const list = await get("/api/dcim/servers/?limit=5&offset=5");
        expect(list.count).toBe(SIZE);
        expect(list.results.map((s: { name: string }) => s.name)).toEqual(
          [6, 7, 8, 9, 10].map((i) => `srv-${String(i).padStart(6, "0")}`),
        );
        expect(list.next).toBe(`${base}/api/dcim/servers/?limit=5&offset=10`);
        const filtered = await get("/api/dcim/servers/?status=in_use&limit=50");
        expect(filtered.count).toBe(SIZE / 8);
        expect(filtered.results.every((s: any) => s.status.value === "in_use")).toBe(true);
        const detail = await get("/api/dcim/servers/4/");
        expect(detail).toMatchObject({ id: 4, name: "srv-000004", status: { value: "damaged", label: "Damaged" } });
        expect(detail.tags).toHaveLength(2);
        expect(detail.local_context_data).toMatchObject({ role: "compute" });

        const rows = [1, 2, 3].map((i) => ({
          name: `floorbulk-${i}`,
          serial_number: `FB${i}`,
          status: "new",
          position: null,
        }));
        await floorBulkInsert(db, rows);
        expect((await get("/api/dcim/servers/?limit=1")).count).toBe(SIZE + 3);
        await db.query("DELETE FROM servers WHERE name LIKE $1", ["floorbulk-%"]);
      } finally {
        await new Promise((ok) => server.close(ok));
        await db.end();
      }
    },
    180_000,
  );
});
