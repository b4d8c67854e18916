import { rowsOf, schema } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allBindings } from "../src/framework/registry";
import { startServer, type TestServer } from "./harness";

/**
 * A list's page is its default ordering's first rows (`ORDER BY <ordering>, id LIMIT n`):
 * without a btree index led by that column, every page sorts the whole table — 290 ms at a
 * million IP addresses against an index scan's fraction of a millisecond (issue 16 §3). So
 * every resource stored in a table whose default ordering starts with one of its own
 * columns has such an index (orderings through a relation, `manufacturer__name`, sort a join
 * and are not indexable in one table).
 */
let s: TestServer;
beforeAll(async () => {
  s = await startServer(); // binds every resource, migrates a fresh database
});
afterAll(async () => {
  await s?.close();
});

describe("ordering indexes", () => {
  it("every default ordering's leading column leads a btree index", async () => {
    const tables = new Set<unknown>(Object.values(schema));
    const rows = rowsOf<{ t: string; def: string }>(
      await s.database.db.execute(
        sql`SELECT tablename AS t, indexdef AS def FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE '%USING btree%'`,
      ),
    );
    const leading = new Set(
      rows.map((r) => `${r.t}.${/USING btree \(([^,)]+)/.exec(r.def)?.[1]?.replace(/"/g, "").split(" ")[0]}`),
    );
    const expected: string[] = [];
    for (const b of allBindings()) {
      if (!tables.has(b.table)) continue; // bound to a view (base-objects)
      const first = b.resource.defaultOrdering[0]?.replace(/^-/, "");
      const column = first ? b.columns.get(first) : undefined;
      if (column) expected.push(`${b.tableName}.${column}`);
    }
    expect(expected).toContain("servers.name");
    expect(expected).toContain("ip_addresses.address");
    expect(expected.filter((k) => !leading.has(k))).toEqual([]);
  });
});
