import { createServer as createHttpServer } from "node:http";
import { createServer, type Server, type Socket } from "node:net";
import { expect } from "vitest";
import type { TestServer } from "./harness";

const FINAL = ["completed", "failed", "cancelled"];

/** Polls a job until it is completed, failed or cancelled. */
export async function waitJob(s: TestServer, id: number, timeoutMs = 25_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await s.get(`/api/core/jobs/${id}/`);
    expect(r.status).toBe(200);
    if (FINAL.includes(r.body.status.value)) return r.body;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${r.body.status.value}: ${JSON.stringify(r.body)}`);
    await new Promise((ok) => setTimeout(ok, 150));
  }
}

/** POSTs a long action, checks the 202 + job, and waits for the job's end. */
export async function runJob(s: TestServer, path: string, body: unknown = {}) {
  const r = await s.post(path, body);
  if (r.status !== 202) throw new Error(`POST ${path} → ${r.status} ${JSON.stringify(r.body)}`);
  expect(r.body.status.value).toMatch(/pending|running/);
  return waitJob(s, r.body.id);
}

/** A TCP peer on loopback that accepts connections and never answers (an unresponsive BMC). */
export async function silentPeer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const srv: Server = createServer((sock) => {
    sockets.add(sock);
    sock.on("close", () => sockets.delete(sock));
  });
  await new Promise<void>((ok) => srv.listen(0, "127.0.0.1", ok));
  return {
    port: (srv.address() as { port: number }).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((ok) => srv.close(ok));
    },
  };
}

/** Serves a small "OS image" over HTTP on loopback, for virtual media to fetch. */
export async function imageServer(): Promise<{ url: string; hits: () => number; close(): Promise<void> }> {
  let hits = 0;
  const body = Buffer.alloc(64 * 1024, 7);
  const srv = createHttpServer((req, res) => {
    hits++;
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": body.length });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((ok) => srv.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${(srv.address() as { port: number }).port}/images/os.iso`,
    hits: () => hits,
    close: () => new Promise((ok) => srv.close(() => ok())),
  };
}
