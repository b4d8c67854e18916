import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { make, startServer, type TestServer } from "./harness";

/**
 * PostgreSQL keeps a prepared statement's plan only while its generic plan costs no more than
 * a custom one. A detail's `= ANY($1)` and a page's `LIMIT $1` made the generic plan look
 * costlier, so every request planned its statement anew — for a select list of a dozen nested
 * subqueries that was ≈ 0.5–0.7 ms of PostgreSQL CPU, several times the execution. The server's
 * pool has one connection here, so `pg_prepared_statements` (one session's view) shows its
 * statements. PostgreSQL only: PGlite runs parameterized statements unnamed, without a plan cache.
 */
describe("hot statements keep their plan", () => {
  let s: TestServer;
  let id: number;
  beforeAll(async () => {
    s = await startServer({}, { poolSize: 1 });
    for (let i = 0; i < 3; i++) {
      const srv = await make(s, "/api/dcim/servers/", { name: `plan-${i}`, status: "in_use" });
      id = srv.id;
    }
  });
  afterAll(() => s.close());

  const plans = async (like: string) =>
    rowsOf<{ statement: string; generic_plans: number; custom_plans: number }>(
      await s.database.db.execute(
        sql`SELECT statement, generic_plans::int, custom_plans::int FROM pg_prepared_statements
            WHERE statement LIKE ${like} ORDER BY generic_plans DESC`,
      ),
    );

  // A list's statement selects each row's finished JSON text (framework/render.ts) as "j"; a detail selects columns.
  const page = `SELECT concat('{"id":'%AS "j" FROM "servers" "t"`;

  it("a detail, a default page and a filtered page run on a cached generic plan", async () => {
    for (let i = 0; i < 10; i++) {
      expect((await s.get(`/api/dcim/servers/${id}/`)).status).toBe(200);
      expect((await s.get("/api/dcim/servers/")).status).toBe(200);
      expect((await s.get("/api/dcim/servers/?status=in_use")).status).toBe(200);
      expect((await s.get("/api/dcim/servers/?cursor=")).status).toBe(200);
    }
    const detail = await plans(`SELECT "t"."id"%FROM "servers" "t" WHERE "t"."id" = $1::int%`);
    const first = await plans(`${page}  ORDER BY "t"."name" ASC, "t"."id" ASC LIMIT 50`);
    const filtered = await plans(`${page} WHERE %"status"% ORDER BY % LIMIT 50`);
    const keyset = await plans(`SELECT concat('{"id":'%FROM "servers" "t"%LIMIT 51`); // with the cursor's keys
    for (const [what, found] of Object.entries({ detail, first, filtered, keyset })) {
      expect(found.length, `${what}: statement prepared`).toBeGreaterThan(0);
      // PostgreSQL tries custom plans for the first five executions, then settles.
      expect(found[0]!.generic_plans, `${what}: ${found[0]!.statement.slice(0, 200)}`).toBeGreaterThanOrEqual(4);
    }
  });

  it("a search leaves PostgreSQL free to plan with its pattern (its LIMIT stays a parameter)", async () => {
    // Whether PostgreSQL then keeps custom plans depends on the table's size (at 100k rows it
    // does; a generic plan there walked the ordering index past most rows for a rare pattern).
    for (let i = 0; i < 8; i++) expect((await s.get("/api/dcim/servers/?search=plan-1")).body.count).toBe(1);
    expect(await plans(`${page} WHERE %ILIKE% LIMIT $%`)).toHaveLength(1);
    expect(await plans(`${page} WHERE %ILIKE% LIMIT 50`)).toEqual([]);
  });

  it("a page size other than the default or the maximum is a parameter (statements per connection stay few)", async () => {
    for (const limit of [7, 8, 9]) expect((await s.get(`/api/dcim/servers/?limit=${limit}`)).status).toBe(200);
    expect(await plans(`%FROM "servers" "t"%LIMIT 7%`)).toEqual([]);
    const shared = await plans(`${page}  ORDER BY "t"."name" ASC, "t"."id" ASC LIMIT $1`);
    expect(shared).toHaveLength(1);
  });
});
