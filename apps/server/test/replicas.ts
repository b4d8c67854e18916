import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServerProcess, scratchPostgres, spawnServer } from "./server-process";

/** What the replica checks need: the server processes and a direct line to their database. */
export interface Replicas {
  servers: ServerProcess[];
  /** Straight to the database (not through any pooler), to check what was stored. */
  sql: postgres.Sql;
}

export const REPLICA_LIMIT = 40;
export const REPLICA_ADMIN_PASSWORD = "replica-admin-password";
export const REPLICA_LOGIN_FAILURES = 4;

/**
 * `n` server processes on one new database, reached at `urlOf(database url)` (the database
 * itself, or a pooler in front of it), with one rate limit, one admin and one login throttle.
 * The first one migrates; the others start after it with the same admin token.
 */
export async function startReplicas(
  n: number,
  urlOf: (databaseUrl: string) => Promise<string> | string = (u) => u,
  env: Record<string, string> = {},
): Promise<Replicas & { stop(): Promise<void> }> {
  const pg = await scratchPostgres();
  const url = await urlOf(pg.url);
  // A day-long window, so the budget cannot roll over mid-test.
  const shared = {
    RACKPLANE_RATE_LIMIT: String(REPLICA_LIMIT),
    RACKPLANE_RATE_LIMIT_WINDOW: "86400",
    RACKPLANE_ADMIN_PASSWORD: REPLICA_ADMIN_PASSWORD,
    RACKPLANE_LOGIN_MAX_FAILURES: String(REPLICA_LOGIN_FAILURES),
    RACKPLANE_LOGIN_WINDOW: "86400",
    ...env,
  };
  const first = await spawnServer({ databaseUrl: url }, shared);
  const rest = await Promise.all(
    Array.from({ length: n - 1 }, () =>
      spawnServer({ databaseUrl: url }, { ...shared, RACKPLANE_ADMIN_TOKEN: first.token }),
    ),
  );
  const servers = [first, ...rest];
  return {
    servers,
    sql: pg.sql,
    stop: async () => {
      for (const s of servers) await s.stop();
      await pg.drop();
    },
  };
}

/**
 * The scale-out checks for any number of processes: writes through all of them are
 * consistent (uniqueness holds across them, each sees the others' writes at once), the
 * rate limit is one budget across all and so is the login throttle (counters in the
 * database). The first test spends the rate-limit budget, then empties the counters.
 */
export function describeReplicas(title: string, replicas: () => Replicas) {
  describe(title, () => {
    it("writes from all are consistent; the rate limit is shared", { timeout: 120_000 }, async () => {
      const { servers, sql } = replicas();
      const n = servers.length;
      // 10 names created through every process at the same moment: exactly one wins each.
      const names = Array.from({ length: 10 }, (_, i) => `all-${i}`);
      const results = await Promise.all(
        names.flatMap((name) => servers.map((s) => s.request("POST", "/api/core/tags/", { name, slug: name }))),
      );
      for (let i = 0; i < names.length; i++) {
        const statuses = results.slice(n * i, n * (i + 1)).map((r) => r.status);
        expect(statuses.sort(), names[i]).toEqual([201, ...Array(n - 1).fill(409)]);
      }
      // Each sees the others' writes at once (no per-process cache).
      const created = await servers[0]!.request("POST", "/api/core/tags/", { name: "from-0", slug: "from-0" });
      expect(created.status).toBe(201);
      for (const s of servers.slice(1)) {
        const seen = await s.request("GET", `/api/core/tags/${created.body.id}/`);
        expect(seen.status).toBe(200);
        expect(seen.body.name).toBe("from-0");
      }
      const listed = await servers[n - 1]!.request("GET", "/api/core/tags/?name__startswith=all-&limit=100");
      expect(listed.body.count).toBe(10);
      expect((await sql`SELECT count(*)::int AS n FROM tags`)[0]!.n).toBe(11);

      // One budget: go round the processes until it runs out; the total allowed is the limit.
      const used = names.length * n + 1 + (n - 1) + 1; // each request counted once, by the process that served it
      let allowed = used;
      let throttled = 0;
      for (let i = 0; i < REPLICA_LIMIT; i++) {
        const r = await servers[i % n]!.request("GET", "/api/core/tags/?limit=1");
        if (r.status === 200) allowed++;
        else if (r.status === 429) throttled++;
        else throw new Error(`unexpected ${r.status}`);
      }
      expect(allowed).toBe(REPLICA_LIMIT);
      expect(throttled).toBe(used);
      // The budget is spent: give the file's later tests a fresh one.
      await sql`DELETE FROM rate_limit_counters`;
    });

    it("the login throttle is shared: failures through any count against one username", {
      timeout: 120_000,
    }, async () => {
      const { servers, sql } = replicas();
      const login = (via: ServerProcess, username: string, password: string) =>
        fetch(`${via.baseUrl}/api/token/`, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify({ username, password }),
        });
      // Going round the processes: REPLICA_LOGIN_FAILURES failures in all, then 429 everywhere.
      const statuses: number[] = [];
      for (let i = 0; i < REPLICA_LOGIN_FAILURES + 2; i++)
        statuses.push((await login(servers[i % servers.length]!, "admin", `guess-${i}`)).status);
      expect(statuses).toEqual([...Array(REPLICA_LOGIN_FAILURES).fill(401), 429, 429]);
      for (const via of servers) {
        const right = await login(via, "admin", REPLICA_ADMIN_PASSWORD);
        expect(right.status).toBe(429); // refused before the password is looked at
        expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
      }
      const [row] = await sql`SELECT failures FROM login_failures WHERE subject = 'user:admin'`;
      expect(row!.failures).toBe(REPLICA_LOGIN_FAILURES + 2 + servers.length);
      // Another username is not locked out by this one.
      expect((await login(servers[0]!, "someone-else", "x")).status).toBe(401);
    });
  });
}

/** Starts the replicas before the file's tests and stops them after; the getter is for the tests. */
export function replicasForFile(start: () => ReturnType<typeof startReplicas>): () => Replicas {
  let r: Awaited<ReturnType<typeof startReplicas>> | undefined;
  beforeAll(async () => {
    r = await start();
  }, 240_000);
  afterAll(async () => {
    await r?.stop();
  });
  return () => {
    if (!r) throw new Error("replicas did not start");
    return r;
  };
}
