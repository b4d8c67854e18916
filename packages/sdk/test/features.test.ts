import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Job, JobFailedError, Rackplane, TimeoutError, VERSION } from "../src";
import { flakyServer, json } from "./flaky-server";

/**
 * Client features driven by a scripted loopback HTTP server: User-Agent, hooks and
 * log level, `toArray({ limit })`, job waiting and the `…AndWait` methods.
 */
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});
async function serve(script: Parameters<typeof flakyServer>[0]) {
  const s = await flakyServer(script);
  close = s.close;
  return s;
}

const job = (status: string, progress: number, extra: Partial<Job> = {}) => ({
  id: 9,
  url: "http://x/api/core/jobs/9/",
  display: "power #9",
  kind: "redfish.power",
  status: { value: status, label: status },
  progress,
  params: {},
  result: null,
  error: "",
  ...extra,
});

describe("identification, hooks and logging", () => {
  it("sends User-Agent rackplane-sdk/<version> node/<version>", async () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "../package.json"), "utf8"));
    expect(VERSION).toBe(pkg.version);
    const s = await serve((_n, _req, res) => json(res, 200, { status: "ok" }));
    await new Rackplane({ baseUrl: s.baseUrl }).system.status();
    expect(s.requests[0]!.headers["user-agent"]).toBe(`rackplane-sdk/${VERSION} node/${process.versions.node}`);
  });

  it("calls onRequest (which may add headers) and onResponse per attempt, and logs by level", async () => {
    const s = await serve((n, _req, res) => (n === 0 ? json(res, 503, { detail: "busy" }) : json(res, 200, {})));
    const seen: string[] = [];
    const lines: string[] = [];
    const logger = {
      debug: (m: string) => lines.push(`debug ${m}`),
      info: (m: string) => lines.push(`info ${m}`),
      warn: (m: string) => lines.push(`warn ${m}`),
      error: (m: string) => lines.push(`error ${m}`),
    };
    const rp = new Rackplane({
      baseUrl: s.baseUrl,
      backoff: { initialDelay: 10 },
      logLevel: "info",
      logger,
      onRequest: (r) => {
        seen.push(`request ${r.method} ${r.attempt}`);
        r.headers["x-trace"] = `t${r.attempt}`;
      },
      onResponse: (r) => {
        seen.push(`response ${r.status} ${r.attempt}`);
      },
    });
    await rp.system.status();
    expect(seen).toEqual(["request GET 0", "response 503 0", "request GET 1", "response 200 1"]);
    expect(s.requests.map((r) => r.headers["x-trace"])).toEqual(["t0", "t1"]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^info \[rackplane\] retrying GET http:\/\/127\.0\.0\.1:\d+\/api\/status\/ in \d+ ms/);

    lines.length = 0;
    const quiet = new Rackplane({ baseUrl: s.baseUrl, logLevel: "warn", logger, backoff: { initialDelay: 10 } });
    await quiet.system.status();
    expect(lines).toEqual([]);
    const chatty = new Rackplane({ baseUrl: s.baseUrl, logLevel: "debug", logger });
    await chatty.system.status();
    expect(lines.map((l) => l.split(" ").slice(0, 3).join(" "))).toEqual([
      "debug [rackplane] →",
      "debug [rackplane] ←",
    ]);
  });
});

describe("toArray", () => {
  it("collects items across pages and fetches no page beyond the limit", async () => {
    const s = await serve((_n, req, res) => {
      const offset = Number(new URL(req.url!, "http://x").searchParams.get("offset") ?? 0);
      const results = [offset + 1, offset + 2].map((id) => ({ id, name: `r${id}` }));
      const next = offset < 4 ? `http://x/api/dcim/regions/?limit=2&offset=${offset + 2}` : null;
      json(res, 200, { count: 6, next, previous: null, results });
    });
    const rp = new Rackplane({ baseUrl: s.baseUrl });
    expect((await rp.dcim.regions.list({ limit: 2 }).toArray()).map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(s.requests).toHaveLength(3);
    const three = await rp.dcim.regions.list({ limit: 2 }).toArray({ limit: 3 });
    expect(three.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(s.requests).toHaveLength(5);
    const page = await rp.dcim.regions.list({ limit: 2 });
    expect((await page.toArray({ limit: 2 })).map((r) => r.id)).toEqual([1, 2]);
    expect(s.requests).toHaveLength(6);
  });
});

describe("jobs", () => {
  it("waits for a job, reporting progress, and …AndWait starts and waits", async () => {
    const states = [job("pending", 0), job("running", 50), job("running", 50), job("completed", 100)];
    const s = await serve((n, req, res) => {
      if (req.method === "POST") return json(res, 202, job("pending", 0));
      json(res, 200, states[n - 1] ?? states.at(-1));
    });
    const rp = new Rackplane({ baseUrl: s.baseUrl });
    const progress: string[] = [];
    const done = await rp.dcim.servers.refreshInventoryAndWait(
      3,
      {},
      {
        wait: { intervalMs: 5, onProgress: (j) => progress.push(`${j.status.value} ${j.progress}`) },
      },
    );
    expect(done.status.value).toBe("completed");
    expect(progress).toEqual(["pending 0", "running 50", "completed 100"]);
    expect(s.requests[0]).toMatchObject({ method: "POST", url: "/api/dcim/servers/3/refresh_inventory/" });
    expect(s.requests.slice(1).every((r) => r.method === "GET" && r.url === "/api/core/jobs/9/")).toBe(true);
  });

  it("rejects with JobFailedError for a failed job and TimeoutError past timeoutMs", async () => {
    const s = await serve((_n, _req, res) => json(res, 200, job("failed", 30, { error: "BMC unreachable" })));
    const rp = new Rackplane({ baseUrl: s.baseUrl });
    const err = await rp.core.jobs.wait(9).catch((e) => e);
    expect(err).toBeInstanceOf(JobFailedError);
    expect(err.job.error).toBe("BMC unreachable");
    expect(err.message).toBe("Job 9 (redfish.power) failed: BMC unreachable");

    const t = await serve((_n, _req, res) => json(res, 200, job("running", 10)));
    const started = Date.now();
    const slow = await new Rackplane({ baseUrl: t.baseUrl }).core.jobs
      .wait(job("running", 10) as unknown as Job, { timeoutMs: 300, intervalMs: 20 })
      .catch((e) => e);
    expect(slow).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(t.requests.length).toBeGreaterThan(0);
  });
});
