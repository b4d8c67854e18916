import { Agent, request } from "node:http";
import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "./harness";
import { type ServerProcess, scratchStorage, spawnServer } from "./server-process";

/**
 * Kept-alive connections outlive clients' and load balancers' idle timeouts (issue 16 §6):
 * with Node's default 5 s a connection the server closes while a client sends on it is a
 * "SocketError: other side closed". `rackplane serve` keeps idle connections 65 s
 * (RACKPLANE_KEEP_ALIVE_TIMEOUT_MS) and waits 66 s for headers (RACKPLANE_HEADERS_TIMEOUT_MS).
 */
let server: ServerProcess;
let cleanup: () => Promise<void> | void;

beforeAll(async () => {
  const { storage, remove } = await scratchStorage();
  cleanup = remove;
  server = await spawnServer(storage);
}, 180_000);
afterAll(async () => {
  await server?.stop();
  await cleanup?.();
});

/** GET on `agent`'s connection: status, Keep-Alive header, whether the socket was reused, the socket. */
function get(url: string, agent: Agent) {
  return new Promise<{ status: number; keepAlive?: string; reused: boolean; socket: Socket }>((ok, fail) => {
    const req = request(url, { agent }, (res) => {
      res.resume();
      res.on("end", () =>
        ok({
          status: res.statusCode!,
          keepAlive: res.headers["keep-alive"] as string | undefined,
          reused: req.reusedSocket,
          socket: req.socket!,
        }),
      );
    });
    req.on("error", fail);
    req.end();
  });
}

describe("keep-alive", () => {
  it("rackplane serve keeps an idle connection past Node's 5 s default and says so (timeout=65)", {
    timeout: 60_000,
  }, async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await get(`${server.baseUrl}/api/status/live/`, agent);
      expect(first.status).toBe(200);
      expect(first.keepAlive).toBe("timeout=65");
      // Idle longer than Node's default keep-alive (5 s): the same connection still serves.
      await new Promise((r) => setTimeout(r, 6_000));
      const second = await get(`${server.baseUrl}/api/status/live/`, agent);
      expect(second.status).toBe(200);
      expect(second.reused).toBe(true);
    } finally {
      agent.destroy();
    }
  });

  it("RACKPLANE_KEEP_ALIVE_TIMEOUT_MS sets it: an idle connection is closed after that", {
    timeout: 60_000,
  }, async () => {
    const s = await startServer({ RACKPLANE_KEEP_ALIVE_TIMEOUT_MS: "1000" });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const r = await get(`${s.baseUrl}/api/status/live/`, agent);
      expect(r.keepAlive).toBe("timeout=1");
      // Poll for the server's close (generous bound; the setting is 1 s).
      const closed = new Promise<boolean>((done) => r.socket.once("close", () => done(true)));
      const bound = new Promise<boolean>((done) => setTimeout(() => done(false), 30_000));
      expect(await Promise.race([closed, bound])).toBe(true);
    } finally {
      agent.destroy();
      await s.close();
    }
  });
});
