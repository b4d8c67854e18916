import { openDatabase } from "@rackplane/db";
import { pino } from "pino";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { warnOfPoolerSettings } from "../src/pooler-settings";
import { receiver } from "./hook-receiver";
import { freePort } from "./net";
import { startPgbouncer } from "./pgbouncer";
import { describeReplicas, replicasForFile, startReplicas } from "./replicas";
import { type ServerProcess, scratchPostgres } from "./server-process";
import { until } from "./until";

/**
 * The deployment shape of issue 16 §7: three server processes behind a real PgBouncer in
 * transaction pooling mode (RACKPLANE_DB_POOLER=transaction), with fewer server connections
 * than the processes' pools. The replica checks (writes, rate limit, login throttle) hold
 * through it, jobs (pg-boss) and the forwarding worker run through it, and when one process
 * is killed mid-burst nothing it acknowledged is lost. PostgreSQL only (vitest.config.ts).
 */
const stops: (() => Promise<void>)[] = [];
const replicas = replicasForFile(async () => {
  const r = await startReplicas(
    3,
    async (databaseUrl) => {
      // PgBouncer refuses startup parameters: the settings the server would send come from the database.
      const direct = postgres(databaseUrl, { max: 1, onnotice: () => {} });
      const name = new URL(databaseUrl).pathname.slice(1);
      await direct.unsafe(`ALTER DATABASE ${name} SET jit = off`);
      await direct.unsafe(`ALTER DATABASE ${name} SET statement_timeout = 30000`);
      await direct.end();
      const bouncer = await startPgbouncer(databaseUrl);
      stops.push(bouncer.stop);
      return bouncer.url;
    },
    {
      RACKPLANE_DB_POOLER: "transaction",
      RACKPLANE_FORWARDING_POLL_MS: "100",
      RACKPLANE_FORWARDING_BACKOFF_MS: "100",
    },
  );
  return {
    ...r,
    stop: async () => {
      await r.stop();
      for (const stop of stops) await stop();
    },
  };
});

describeReplicas("three server processes behind PgBouncer (transaction pooling)", replicas);

/**
 * The processes share a small rate-limit budget (the replica checks spend it on purpose);
 * these checks are about something else, so each step starts with a fresh budget.
 */
const freshBudget = async () => {
  await replicas().sql`DELETE FROM rate_limit_counters`;
};

describe("behind PgBouncer: jobs, forwarding, a process killed", () => {
  it("a job started on one process is seen completing from the others", { timeout: 180_000 }, async () => {
    const [a, b, c] = replicas().servers as [ServerProcess, ServerProcess, ServerProcess];
    await freshBudget();
    const range = await a.request("POST", "/api/discovery/scan-ranges/", {
      name: "pooled",
      ip_from: "127.0.0.1",
      ip_to: "127.0.0.1",
      ports: [await freePort()], // nothing listens there: a scan that finds nothing
    });
    expect(range.status, JSON.stringify(range.body)).toBe(201);
    const started = await a.request("POST", "/api/discovery/run_scan/", { scan_ranges: [range.body.id] });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const job = await until("the job's end", async () => {
      await freshBudget();
      const r = await (Date.now() % 2 ? b : c).request("GET", `/api/core/jobs/${started.body.id}/`);
      expect(r.status).toBe(200);
      return ["completed", "failed"].includes(r.body.status.value) ? r.body : undefined;
    });
    expect(job.status.value, JSON.stringify(job)).toBe("completed");
    expect(job.result).toMatchObject({ probed: 1, found: 0 });
  });

  it("kill -9 of one process mid-burst: every write acknowledged is stored and forwarded", {
    timeout: 240_000,
  }, async () => {
    const { servers, sql } = replicas();
    const [a, b, c] = servers as [ServerProcess, ServerProcess, ServerProcess];
    const hook = await receiver();
    try {
      await freshBudget();
      const fw = await a.request("POST", "/api/core/event-forwardings/", {
        name: "pooled",
        payload_url: hook.url,
        object_types: "core.tags",
        actions: "create",
      });
      expect(fw.status, JSON.stringify(fw.body)).toBe(201);
      const acknowledged: number[] = [];
      const burst = async (from: number, to: number, via: ServerProcess[]) => {
        await freshBudget();
        await Promise.all(
          Array.from({ length: to - from }, async (_, k) => {
            const i = from + k;
            const r = await via[i % via.length]!.request("POST", "/api/core/tags/", {
              name: `burst-${i}`,
              slug: `burst-${i}`,
            }).catch(() => undefined); // the killed process's requests may fail: not acknowledged
            if (r?.status === 201) acknowledged.push(r.body.id);
            else if (r && r.status !== 201) throw new Error(`burst-${i}: ${r.status} ${JSON.stringify(r.body)}`);
          }),
        );
      };
      await burst(0, 36, [a, b, c]);
      // c dies while its share of the next burst is in flight.
      const inFlight = burst(36, 72, [a, b, c]);
      c.proc.kill("SIGKILL");
      await inFlight;
      await burst(72, 108, [a, b]); // the survivors carry on through the pooler
      expect(acknowledged.length).toBeGreaterThanOrEqual(36 + 24 + 36);

      // Stored: all acknowledged (a write committed as c died may be stored unacknowledged).
      const stored = new Set((await sql`SELECT id FROM tags WHERE slug LIKE 'burst-%'`).map((r) => Number(r.id)));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      await until("every acknowledged write forwarded", async () =>
        acknowledged.every((id) => hook.got.some((g) => g.body.object_id === id)) ? true : undefined,
      );
    } finally {
      await hook.close();
    }
  });
});

describe("RACKPLANE_DB_POOLER settings check", () => {
  it("warns, naming the statement to run, when pooled connections lack jit = off and the timeout", async () => {
    const pg = await scratchPostgres();
    // Pooler mode sends no startup parameters: a database without the settings shows the defaults.
    const db = await openDatabase({ url: pg.url, pooler: "transaction" });
    try {
      const lines: string[] = [];
      const log = pino({ level: "warn" }, { write: (l: string) => lines.push(l) });
      expect(await warnOfPoolerSettings(db.db, 30_000, log)).toEqual(["jit", "statement_timeout"]);
      expect(lines.join("")).toContain("ALTER ROLE CURRENT_USER SET jit = 'off'");
      await pg.sql.unsafe(`ALTER DATABASE ${new URL(pg.url).pathname.slice(1)} SET jit = off`);
      await pg.sql.unsafe(`ALTER DATABASE ${new URL(pg.url).pathname.slice(1)} SET statement_timeout = 30000`);
    } finally {
      await db.close();
    }
    const again = await openDatabase({ url: pg.url, pooler: "transaction" });
    try {
      expect(await warnOfPoolerSettings(again.db, 30_000, pino({ level: "silent" }))).toEqual([]);
    } finally {
      await again.close();
      await pg.drop();
    }
  });
});
