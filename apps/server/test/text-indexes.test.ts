import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { migrationsFolder, rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trigramColumns, trigramTarget } from "../src/framework/text-indexes";
import { make, startServer, type TestServer } from "./harness";

/**
 * Indexed text search (issue 16 §2): every column a request matches by pattern
 * (`?search=` fields, `__icontains`/`__startswith`/`__iexact`/… lookups), as the
 * contract declares them, has a pg_trgm GIN index in the migrated database — on
 * PGlite and PostgreSQL alike — so a new searchable field without an index fails here.
 */
let s: TestServer;
beforeAll(async () => {
  s = await startServer(); // binds every resource, migrates a fresh database
});
afterAll(async () => {
  await s?.close();
});

describe("trigram indexes", () => {
  it("every pattern-matched column has a gin_trgm_ops index", async () => {
    const expected = trigramColumns();
    expect(expected.length).toBeGreaterThan(100);
    expect(expected).toContainEqual({ table: "servers", column: "name" });
    const rows = rowsOf<{ t: string; def: string }>(
      await s.database.db.execute(sql`SELECT tablename AS t, indexdef AS def FROM pg_indexes
        WHERE schemaname = 'public' AND indexdef LIKE '%gin_trgm_ops%'`),
    );
    // What each index is built on as PostgreSQL prints it: a column, `host(address)`, `(address)::text`.
    const indexed = new Set(
      rows.map(
        (r) => `${r.t}.${unwrap((/USING gin \((.+) gin_trgm_ops\)/.exec(r.def)?.[1] ?? "?").replaceAll('"', ""))}`,
      ),
    );
    expect(expected).toContainEqual({ table: "ip_addresses", column: "address", expression: "host(address)" });
    const missing = expected.map((c) => `${c.table}.${trigramTarget(c)}`).filter((k) => !indexed.has(k));
    expect(missing, "columns matched by pattern without a trigram index: add them in a migration").toEqual([]);
  });

  it("the migration is the list the contract gives (regenerate it when this fails)", () => {
    const text = readFileSync(resolve(migrationsFolder, "0014_trgm_indexes.sql"), "utf8");
    const inFile = [...text.matchAll(/ON "([a-z_0-9]+)" USING gin \("([a-z_0-9]+)" gin_trgm_ops\)/g)].map(
      (m) => `${m[1]}.${m[2]}`,
    );
    // Later migrations may add indexes for new fields; none listed here may go missing.
    expect(inFile.length).toBeGreaterThan(0);
    const expected = new Set(trigramColumns().map((c) => `${c.table}.${c.column}`));
    expect(inFile.filter((k) => !expected.has(k))).toEqual([]);
  });

  it("the planner uses them for icontains, startswith, iexact and search once the table is large", async () => {
    await make(s, "/api/dcim/servers/", { name: "probe-web-01" });
    const db = s.database.db;
    await db.execute(sql`INSERT INTO servers (name) SELECT 'srv-' || md5(i::text) FROM generate_series(1, 20000) i`);
    // VACUUM as autovacuum would: it also merges the GIN pending list (fastupdate) that a
    // bulk insert leaves, which the planner costs as scanned pages until then.
    await db.execute(sql`VACUUM ANALYZE servers`);
    const plan = async (where: string) =>
      rowsOf<Record<string, string>>(await db.execute(sql.raw(`EXPLAIN SELECT id FROM servers WHERE ${where}`)))
        .map((r) => Object.values(r)[0])
        .join("\n");
    for (const where of [
      `name ILIKE '%web-0%'`,
      `name LIKE 'probe-w%'`,
      `name ILIKE 'PROBE-WEB-01'`,
      `(name ILIKE '%web-0%' OR serial_number ILIKE '%web-0%')`,
    ]) {
      // A prefix LIKE may take the btree on name under the C collation (PGlite): any index, never a scan.
      const p = await plan(where);
      expect(p, where).not.toMatch(/Seq Scan/);
      if (!where.includes("LIKE 'probe"))
        expect(p, where).toMatch(/Bitmap Index Scan on "?servers_(name|serial_number)_trgm/);
    }
    // The API answers the same shapes, correctly.
    for (const q of [
      "name__icontains=WEB-0",
      "name__startswith=probe-w",
      "name__iexact=PROBE-web-01",
      "search=web-0",
    ]) {
      const r = await s.get(`/api/dcim/servers/?${q}&brief=1`);
      expect(r.status, q).toBe(200);
      expect(
        r.body.results.map((x: { name: string }) => x.name),
        q,
      ).toEqual(["probe-web-01"]);
    }
    const r = await s.get("/api/dcim/servers/?name__nie=PROBE-web-01&limit=1");
    expect(r.body.count).toBe(20000);
  });

  it("an IP address search and page use indexes too: the address through host(), the page through (address, id)", async () => {
    const db = s.database.db;
    await db.execute(sql`INSERT INTO ip_addresses (address, hostname)
      SELECT '10.0.0.0'::inet + i, 'h-' || i FROM generate_series(1, 20000) i`);
    await db.execute(sql`VACUUM ANALYZE ip_addresses`);
    const plan = async (q: string) =>
      rowsOf<Record<string, string>>(await db.execute(sql.raw(`EXPLAIN ${q}`)))
        .map((r) => Object.values(r)[0])
        .join("\n");
    const search = await plan(`SELECT id FROM ip_addresses WHERE (host(address) ILIKE '%0.3.1%'
      OR hostname ILIKE '%0.3.1%' OR dns_name ILIKE '%0.3.1%' OR description ILIKE '%0.3.1%')`);
    expect(search).not.toMatch(/Seq Scan/);
    expect(search).toMatch(/Bitmap Index Scan on "?ip_addresses_address_trgm/);
    const page = await plan("SELECT id FROM ip_addresses ORDER BY address, id LIMIT 50");
    expect(page).toMatch(/Index (Only )?Scan using "?ip_addresses_ordering_idx/);
    // And the API's search finds by the address's text form.
    const r = await s.get("/api/ipam/ip-addresses/?search=10.0.78.3&brief=1");
    expect(r.status).toBe(200);
    expect(r.body.results.map((x: { address: string }) => x.address)).toContain("10.0.78.32");
  });
});

/** `(x)` → `x` when the parentheses wrap the whole expression (an expression index is printed in one more pair). */
function unwrap(e: string): string {
  if (!e.startsWith("(") || !e.endsWith(")")) return e;
  let depth = 0;
  for (let i = 0; i < e.length; i++) {
    depth += e[i] === "(" ? 1 : e[i] === ")" ? -1 : 0;
    if (depth === 0 && i < e.length - 1) return e; // closes before the end: `(address)::text`
  }
  return unwrap(e.slice(1, -1));
}
