import { createServer, request as httpRequest, type Server } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { type Bmc, DEFAULT_BMC_USER, startBmc } from "./bmc";
import { backend } from "./harness";
import { type ServerProcess, type Storage, scratchStorage, spawnServer } from "./server-process";
import { until } from "./until";

/**
 * `kill -9` of the server process while a job runs, then a restart on the same
 * database (a PostgreSQL database; a PGlite data dir reopened): pg-boss notices the
 * dead worker's missing heartbeat and hands the job out again, so it ends completed
 * (or failed with an error) — never left `running`, never lost. The job is a node
 * registration against a real sushy-emulator BMC behind a loopback proxy that makes
 * every Redfish answer slow, so the kill lands mid-job.
 */

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** An HTTP proxy to the BMC that holds each answer back by `delayMs` (changeable while running). */
async function slowProxy(target: Bmc) {
  const state = { delayMs: 0 };
  const srv: Server = createServer((req, res) => {
    setTimeout(() => {
      const up = httpRequest(
        { host: "127.0.0.1", port: target.port, path: req.url, method: req.method, headers: req.headers },
        (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        },
      );
      up.on("error", () => res.destroy());
      req.pipe(up);
    }, state.delayMs);
  });
  await new Promise<void>((ok) => srv.listen(0, "127.0.0.1", ok));
  const port = (srv.address() as { port: number }).port;
  return { state, port, close: () => new Promise((ok) => srv.close(ok)) };
}

async function storage(): Promise<Storage> {
  const { storage, remove } = await scratchStorage();
  cleanups.push(remove);
  return storage;
}

// Heartbeats of 10 s (pg-boss's minimum), checked every second: a dead worker's job is
// handed out again about 10 s after the kill.
const JOB_ENV = { RACKPLANE_JOB_HEARTBEAT_SECONDS: "10", RACKPLANE_JOB_MONITOR_SECONDS: "1" };

describe("restart during a job", () => {
  it(`a job killed with its server is retried after the restart, never left running (${backend})`, {
    timeout: 180_000,
  }, async () => {
    const bmc = await startBmc();
    cleanups.push(bmc.stop);
    const proxy = await slowProxy(bmc);
    cleanups.push(proxy.close);
    const where = await storage();
    const first: ServerProcess = await spawnServer(where, JOB_ENV);
    cleanups.push(first.stop);

    const profile = (await first.request("POST", "/api/discovery/auth-profiles/", { name: "lab" })).body;
    expect(
      (
        await first.request("POST", "/api/discovery/credentials/", {
          auth_profile: profile.id,
          ...DEFAULT_BMC_USER,
        })
      ).status,
    ).toBe(201);
    const range = (
      await first.request("POST", "/api/discovery/scan-ranges/", {
        name: "proxy",
        ip_from: "127.0.0.1",
        ip_to: "127.0.0.1",
        ports: [proxy.port],
      })
    ).body;
    const scan = await first.request("POST", "/api/discovery/run_scan/", { scan_ranges: [range.id] });
    expect(scan.status).toBe(202);
    await until("the scan", async () => {
      const j = (await first.request("GET", `/api/core/jobs/${scan.body.id}/`)).body;
      return j.status.value === "completed" ? j : undefined;
    });
    const node = (await first.request("GET", `/api/discovery/nodes/?port=${proxy.port}`)).body.results[0];
    expect(node).toBeDefined();

    // Every Redfish answer now takes 600 ms: the registration runs for several seconds.
    proxy.state.delayMs = 600;
    const started = await first.request("POST", `/api/discovery/nodes/${node.id}/register/`, {
      auth_profile: profile.id,
    });
    expect(started.status).toBe(202);
    const jobUrl = `/api/core/jobs/${started.body.id}/`;
    await until("the job to run", async () => {
      const j = (await first.request("GET", jobUrl)).body;
      return j.status.value === "running" && j.progress > 0 ? j : undefined;
    });
    first.proc.kill("SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");

    // Restarted on the same database; the BMC answers promptly again.
    proxy.state.delayMs = 0;
    const second = await spawnServer(where, { ...JOB_ENV, RACKPLANE_ADMIN_TOKEN: first.token });
    cleanups.push(second.stop);
    const killed = (await second.request("GET", jobUrl)).body;
    expect(killed.status.value).toBe("running"); // what the dead process left behind

    const job = await until(
      "the job to end",
      async () => {
        const j = (await second.request("GET", jobUrl)).body;
        return ["completed", "failed", "cancelled"].includes(j.status.value) ? j : undefined;
      },
      90_000,
    ).catch((e) => {
      throw new Error(`${e.message}; restarted server's output:\n${second.output()}`);
    });
    expect(job.attempts).toBeGreaterThanOrEqual(2); // handed out again after the kill
    expect(["completed", "failed"]).toContain(job.status.value);
    if (job.status.value === "failed") expect(job.error).not.toBe("");
    else {
      // Completed by the second run: one server for the BMC, linked both ways.
      const servers = (await second.request("GET", "/api/dcim/servers/")).body;
      expect(servers.count).toBe(1);
      expect(servers.results[0]).toMatchObject({ id: job.result.server, node: { id: node.id } });
      expect((await second.request("GET", `/api/discovery/nodes/${node.id}/`)).body.status.value).toBe("registered");
    }
    expect((await second.request("GET", "/api/core/jobs/?status=running")).body.count).toBe(0);
  });
});
