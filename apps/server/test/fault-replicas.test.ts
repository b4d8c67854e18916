import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServerProcess, scratchPostgres, spawnServer } from "./server-process";

/**
 * The scale-out shape: two stateless server processes behind one PostgreSQL database.
 * Writes through either are consistent (uniqueness holds across them, each sees the
 * other's writes), the rate limit is one budget across both and so is the login throttle
 * (counters in the database).
 * PostgreSQL only (vitest.config.ts): a PGlite data dir belongs to one process.
 */

let pg: Awaited<ReturnType<typeof scratchPostgres>>;
let a: ServerProcess;
let b: ServerProcess;
const LIMIT = 40;
const ADMIN_PASSWORD = "replica-admin-password";
const LOGIN_FAILURES = 4;

beforeAll(async () => {
  pg = await scratchPostgres();
  // The first one migrates; then both start with the same admin token and rate limit.
  // A day-long window, so the budget cannot roll over mid-test.
  const env = {
    RACKPLANE_RATE_LIMIT: String(LIMIT),
    RACKPLANE_RATE_LIMIT_WINDOW: "86400",
    RACKPLANE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    RACKPLANE_LOGIN_MAX_FAILURES: String(LOGIN_FAILURES),
    RACKPLANE_LOGIN_WINDOW: "86400",
  };
  a = await spawnServer({ databaseUrl: pg.url }, env);
  b = await spawnServer({ databaseUrl: pg.url }, { ...env, RACKPLANE_ADMIN_TOKEN: a.token });
}, 120_000);

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await pg?.drop();
});

describe("two server processes on one database", () => {
  it("writes from both are consistent; the rate limit is shared", { timeout: 60_000 }, async () => {
    // 10 names created through both at the same moment: exactly one wins each.
    const names = Array.from({ length: 10 }, (_, i) => `both-${i}`);
    const results = await Promise.all(
      names.flatMap((name) => [a, b].map((s) => s.request("POST", "/api/core/tags/", { name, slug: name }))),
    );
    for (let i = 0; i < names.length; i++) {
      const pair = [results[2 * i]!.status, results[2 * i + 1]!.status].sort();
      expect(pair, names[i]).toEqual([201, 409]);
    }
    // Each sees the other's writes at once (no per-process cache).
    const onA = await a.request("POST", "/api/core/tags/", { name: "from-a", slug: "from-a" });
    expect(onA.status).toBe(201);
    const seen = await b.request("GET", `/api/core/tags/${onA.body.id}/`);
    expect(seen.status).toBe(200);
    expect(seen.body.name).toBe("from-a");
    const listed = await b.request("GET", "/api/core/tags/?name__startswith=both-&limit=100");
    expect(listed.body.count).toBe(10);
    expect((await pg.sql`SELECT count(*)::int AS n FROM tags`)[0]!.n).toBe(11);

    // One budget: alternate between the two until it runs out; the total allowed is LIMIT.
    const used = 20 + 3; // the requests above, each counted once by the process that served it
    let allowed = used;
    let throttled = 0;
    for (let i = 0; i < LIMIT; i++) {
      const r = await (i % 2 ? a : b).request("GET", "/api/core/tags/?limit=1");
      if (r.status === 200) allowed++;
      else if (r.status === 429) throttled++;
      else throw new Error(`unexpected ${r.status}`);
    }
    expect(allowed).toBe(LIMIT);
    expect(throttled).toBe(used);
  });

  it("the login throttle is shared: failures through either count against one username", {
    timeout: 60_000,
  }, async () => {
    const login = (via: ServerProcess, password: string) =>
      fetch(`${via.baseUrl}/api/token/`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ username: "admin", password }),
      });
    // Alternating between the two processes: LOGIN_FAILURES failures in all, then 429 on both.
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_FAILURES + 2; i++) statuses.push((await login(i % 2 ? a : b, `guess-${i}`)).status);
    expect(statuses).toEqual([...Array(LOGIN_FAILURES).fill(401), 429, 429]);
    for (const via of [a, b]) {
      const right = await login(via, ADMIN_PASSWORD);
      expect(right.status).toBe(429); // refused before the password is looked at
      expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    const [row] = await pg.sql`SELECT failures FROM login_failures WHERE subject = 'user:admin'`;
    expect(row!.failures).toBe(LOGIN_FAILURES + 4);
    // Another username is not locked out by this one.
    const other = await fetch(`${a.baseUrl}/api/token/`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ username: "someone-else", password: "x" }),
    });
    expect(other.status).toBe(401);
  });
});
