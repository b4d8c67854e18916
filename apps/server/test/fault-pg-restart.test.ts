import { execFile, execFileSync } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServerProcess, spawnServer } from "./server-process";

/**
 * PostgreSQL restarted under a steady request load. The cluster is a private one (initdb
 * in a temp dir, its own port on loopback), so stopping it disturbs nothing else that runs
 * against the shared cluster at the same time. Runs in the postgresql project only
 * (vitest.config.ts): it needs the PostgreSQL server binaries.
 */

const bin = join("/usr/lib/postgresql", readdirSync("/usr/lib/postgresql").sort().at(-1)!, "bin");
// PostgreSQL refuses to run as root; CI and dev machines run tests as root.
// Asynchronous: the load keeps running (and being measured) while pg_ctl works.
const asPostgres = (cmd: string, args: string[]) =>
  process.getuid?.() === 0
    ? promisify(execFile)("su", ["postgres", "-c", [join(bin, cmd), ...args].map((a) => `'${a}'`).join(" ")])
    : promisify(execFile)(join(bin, cmd), args);

let dir: string;
let port: number;
let server: ServerProcess | undefined;
const pgCtl = (action: "start" | "stop") =>
  asPostgres("pg_ctl", [
    "-D",
    dir,
    "-w",
    "-l",
    join(dir, "log"),
    ...(action === "start" ? ["-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`] : ["-m", "fast"]),
    action,
  ]);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "rp-pgcluster-"));
  chmodSync(dir, 0o700);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
    chownSync(dir, uid, gid);
  }
  port = await freePort();
  await asPostgres("initdb", ["-D", dir, "-A", "trust", "-U", "postgres", "--no-sync"]);
  await pgCtl("start");
}, 120_000);

afterAll(async () => {
  await server?.stop();
  try {
    await pgCtl("stop");
  } catch {}
  rmSync(dir, { recursive: true, force: true });
});

describe("PostgreSQL restarted under load", () => {
  it("answers 503 while it is down, recovers by itself, loses no acknowledged write", {
    timeout: 300_000, // a busy machine: the spawn, pg_ctl and the recovery each poll with generous bounds
  }, async () => {
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    server = await spawnServer({ databaseUrl: url });
    const s = server;

    // Steady load: one writer, one reader, each one request at a time, for the whole test.
    const acknowledged: string[] = [];
    const statuses: { status: number | "error"; phase: string; retryAfter?: string | null }[] = [];
    let phase = "up";
    let running = true;
    let n = 0;
    const call = async (method: string, path: string, body?: unknown) => {
      try {
        const res = await fetch(`${s.baseUrl}${path}`, {
          method,
          headers: {
            authorization: `Token ${s.token}`,
            "content-type": "application/json",
            accept: "application/json",
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
        await res.text();
        statuses.push({ status: res.status, phase, retryAfter: res.headers.get("retry-after") });
        return res.status;
      } catch (e) {
        statuses.push({ status: "error", phase, retryAfter: `${method} ${String((e as Error).cause ?? e)}` });
        return 0;
      }
    };
    const writer = (async () => {
      while (running) {
        const name = `load-${n++}`;
        if ((await call("POST", "/api/core/tags/", { name, slug: name })) === 201) acknowledged.push(name);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const reader = (async () => {
      while (running) {
        await call("GET", "/api/core/tags/?limit=5");
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    await new Promise((r) => setTimeout(r, 1500));
    phase = "down";
    await pgCtl("stop");
    // Down until the server has answered at least one request with a 503 (poll, up to 60 s),
    // not for a fixed time: on a loaded machine a fixed 2 s window may see no request complete.
    const downSeen = () => statuses.some((x) => x.phase === "down" && x.status === 503);
    for (let i = 0; i < 600 && !downSeen(); i++) await new Promise((r) => setTimeout(r, 100));
    phase = "restarting";
    await pgCtl("start");
    phase = "back";
    // Recovers by itself: once the database is back, writes succeed again (polled, up to 90 s).
    const backAt = acknowledged.length;
    for (let i = 0; i < 900 && acknowledged.length < backAt + 5; i++) await new Promise((r) => setTimeout(r, 100));
    running = false;
    await Promise.all([writer, reader]);

    const summary = `${JSON.stringify(statuses.filter((x) => x.status !== 200 && x.status !== 201))}\n${s.output().slice(-3000)}`;
    expect(s.proc.exitCode, `the server process died:\n${s.output()}`).toBeNull();
    expect(s.proc.signalCode).toBeNull();
    expect(acknowledged.length, summary).toBeGreaterThanOrEqual(backAt + 5);
    // Only success or 503 (with Retry-After): no 500, no dropped connection. One request
    // caught on a connection the moment it closed may still wait out the client timeout
    // (a residual postgres.js edge, see patches/); more than one is a regression.
    for (const x of statuses.filter((x) => x.status !== "error")) {
      expect([200, 201, 503], summary).toContain(x.status);
      if (x.status === 503) expect(x.retryAfter).toBeTruthy();
    }
    expect(statuses.filter((x) => x.status === "error").length, summary).toBeLessThanOrEqual(1);
    expect(statuses.filter((x) => x.phase === "down" && x.status === 503).length, summary).toBeGreaterThan(0);

    // Every acknowledged write is there.
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const rows = await sql<{ name: string }[]>`SELECT name FROM tags WHERE name LIKE 'load-%'`;
      const stored = new Set(rows.map((r) => r.name));
      expect(acknowledged.filter((a) => !stored.has(a))).toEqual([]);
    } finally {
      await sql.end();
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}
