import { randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backend } from "./harness";
import {
  type ServerProcess,
  type Storage,
  scratchDataDir,
  scratchPostgres,
  seenRunning,
  spawnServer,
} from "./server-process";

/**
 * The real server process (`rackplane serve`): its request log lines, and graceful
 * shutdown under SIGTERM with a request in flight. On each backend (a PGlite data dir,
 * a PostgreSQL database), so the restart reads what the stopped process committed.
 */

let storage: Storage;
let pg: Awaited<ReturnType<typeof scratchPostgres>> | undefined;
let cleanup: () => Promise<void> | void;
const servers: ServerProcess[] = [];
const start = async (env: Record<string, string> = {}) => {
  const s = await spawnServer(storage, env);
  servers.push(s);
  return s;
};

beforeAll(async () => {
  if (backend === "postgresql") {
    pg = await scratchPostgres();
    storage = { databaseUrl: pg.url };
    cleanup = () => pg!.drop();
  } else {
    const d = scratchDataDir();
    storage = { dataDir: d.dir };
    cleanup = d.remove;
  }
});
afterAll(async () => {
  for (const s of servers) await s.stop();
  await cleanup?.();
});

const N = 8000;
const tags = (prefix: string) =>
  Array.from({ length: N }, (_, i) => ({ name: `${prefix}-${i}`, slug: `${prefix}-${i}`, color: "00ff00" }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A POST whose body goes out in two halves: the first now, the second on `sendRest()`. */
function streamedPost(s: ServerProcess, path: string, body: string) {
  const bytes = Buffer.from(body);
  const half = Math.floor(bytes.length / 2);
  const req = httpRequest(`${s.baseUrl}${path}`, {
    method: "POST",
    agent: false,
    headers: {
      authorization: `Token ${s.token}`,
      "content-type": "application/json",
      "content-length": String(bytes.length),
    },
  });
  const response = new Promise<{ status: number; body: any }>((ok, fail) => {
    req.on("error", fail);
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () =>
        ok({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString() || "null") }),
      );
    });
  });
  req.write(bytes.subarray(0, half));
  return { response, sendRest: () => req.end(bytes.subarray(half)) };
}

describe("operations of the server process", () => {
  it("logs one JSON line per request with its request id, method, url, status and user", {
    timeout: 120_000,
  }, async () => {
    const s = await start({ RACKPLANE_LOG_LEVEL: "info" });
    const id = randomUUID();
    const res = await fetch(`${s.baseUrl}/api/dcim/racks/?limit=1`, {
      headers: { authorization: `Token ${s.token}`, "x-request-id": id },
    });
    expect(res.status).toBe(200);
    const missing = await fetch(`${s.baseUrl}/api/dcim/racks/999999/`, {
      headers: { authorization: `Token ${s.token}` },
    });
    expect(missing.status).toBe(404);
    const missingId = missing.headers.get("x-request-id")!;
    const lineOf = async (rid: string) => {
      for (let i = 0; i < 50; i++) {
        const line = s
          .output()
          .split("\n")
          .find((l) => l.includes(rid) && l.startsWith("{"));
        if (line) return JSON.parse(line);
        await sleep(100);
      }
      throw new Error(`no log line for ${rid}:\n${s.output()}`);
    };
    const ok = await lineOf(id);
    expect(ok).toMatchObject({
      level: 30,
      req: { id, method: "GET", url: "/api/dcim/racks/?limit=1" },
      res: { statusCode: 200 },
      user: "admin",
      operation: "dcim.racks.list",
    });
    expect(typeof ok.responseTime).toBe("number");
    // Credentials never reach the log.
    expect(s.output()).not.toContain(s.token);
    const notFound = await lineOf(missingId);
    expect(notFound).toMatchObject({ level: 40, req: { method: "GET" }, res: { statusCode: 404 } });
    await s.stop();
  });

  it("SIGTERM: stops accepting, finishes the in-flight bulk create (2xx), exits 0; the data is there after restart", {
    timeout: 240_000,
  }, async () => {
    const s = await start({ RACKPLANE_LOG_LEVEL: "info" });
    const post = streamedPost(s, "/api/core/tags/", JSON.stringify(tags("inflight")));
    const outcome = post.response.then((r) => ({
      status: r.status,
      at: Date.now(),
      created: Array.isArray(r.body) ? r.body.length : 0,
    }));
    if (pg) {
      // Observed from the database: the bulk insert runs inside an open transaction.
      post.sendRest();
      expect(await seenRunning(pg.sql, 'insert into "tags"%'), "the bulk insert was never seen running").toBe(true);
    } else {
      // PGlite runs inside the server process: the request is in flight while its body is
      // still arriving — half of it is sent now, the rest after the signal.
      await sleep(300);
    }
    const signalAt = Date.now();
    s.proc.kill("SIGTERM");
    for (let i = 0; i < 600 && !s.output().includes("shutting down"); i++) await sleep(20);
    // No new connections once the signal is handled. A raw TCP connect, not fetch: fetch
    // may reuse a kept-alive socket from an earlier request, which says nothing about new ones.
    const { port } = new URL(s.baseUrl);
    const late = await new Promise<string>((ok) => {
      const socket = connect(Number(port), "127.0.0.1", () => {
        socket.destroy();
        ok("connected");
      });
      socket.once("error", (e: NodeJS.ErrnoException) => ok(e.code ?? e.message));
    });
    expect(late).toBe("ECONNREFUSED");
    if (!pg) post.sendRest();
    const done = await outcome;
    expect(done.status).toBe(201);
    expect(done.created).toBe(N);
    expect(done.at, "the response came after SIGTERM (it was in flight)").toBeGreaterThan(signalAt);
    expect(s.output()).toContain("shutting down: finishing in-flight requests");
    expect(await s.exited).toEqual({ code: 0, signal: null });
    expect(s.output()).toContain('"msg":"stopped"');

    const again = await start();
    const count = await again.request("GET", "/api/core/tags/?name__startswith=inflight-&limit=1");
    expect(count.body.count).toBe(N);
    const changes = await again.request("GET", "/api/core/object-changes/?object_type=core.tags&limit=1");
    expect(changes.body.count).toBe(N);
    await again.stop();
  });
});
