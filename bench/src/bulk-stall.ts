import { request } from "node:http";
import { openDb, type Target } from "./db";
import { AUTH, type Child } from "./processes";

const item = (i: number) => ({ name: `stall-${i}`, serial_number: `STALL${i}`, status: "new" });

/** One request on a connection of its own (no kept-alive socket shared with the probes); → status, ms. */
function send(url: string, method: string, body?: string) {
  return new Promise<{ status: number; ms: number }>((ok, fail) => {
    const t = performance.now();
    const req = request(url, {
      method,
      agent: false,
      headers: { "content-type": "application/json", accept: "application/json", ...AUTH },
    });
    req.once("error", fail);
    req.once("response", (res) => {
      res.resume();
      res.once("end", () => ok({ status: res.statusCode ?? 0, ms: performance.now() - t }));
    });
    req.end(body);
  });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0);
};

/**
 * A bulk create of `n` servers in one POST while small GETs (`/api/status/live/` and a
 * detail) go to the server every 20 ms: how long the bulk takes, and p50/p99/max of the
 * small requests meanwhile — whether the big request holds the event loop. The rows go
 * again afterwards (deleted in SQL), so the seed stays as it was.
 */
export async function bulkStall(server: Child, target: Target, n: number) {
  const body = JSON.stringify(Array.from({ length: n }, (_, i) => item(i)));
  const small: number[] = [];
  let running = true;
  const probes = (async () => {
    while (running) {
      const t = performance.now();
      const [a, b] = await Promise.all([
        send(`${server.base}/api/status/live/`, "GET"),
        send(`${server.base}/api/dcim/servers/1/`, "GET"),
      ]);
      small.push(a.ms, b.ms);
      const wait = 20 - (performance.now() - t);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  })();
  const t = performance.now();
  const r = await send(`${server.base}/api/dcim/servers/`, "POST", body);
  const bulkMs = performance.now() - t;
  running = false;
  await probes;
  const db = await openDb(target, 1);
  await db.query("DELETE FROM servers WHERE name LIKE $1", ["stall-%"]).finally(() => db.end());
  return {
    items: n,
    status: r.status,
    bulkMs: Math.round(bulkMs),
    probes: small.length,
    p50: pct(small, 50),
    p99: pct(small, 99),
    max: Math.round(Math.max(...small)),
  };
}
