import { type IncomingHttpHeaders, request } from "node:http";
import { openDb, type Target } from "./db";
import { floorBulkInsert } from "./floor";
import { AUTH, type Child } from "./processes";

const item = (prefix: string, i: number) => ({
  name: `${prefix}-${i}`,
  serial_number: `${prefix.toUpperCase()}${i}`,
  manufacturer: "Vendor 1",
  model: "Model 1",
  status: "new",
  position: null,
});

/** The benchmark's rows go again, so the seed stays as it was (and is reused by the next run). */
const DELETE = "DELETE FROM servers WHERE name LIKE $1";

/**
 * A POST on a connection of its own: fetch would reuse a kept-alive socket from
 * the load runs, and one the server is just closing as idle fails the write (EPIPE).
 */
function postOnNewConnection(url: string, body: string) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders }>((ok, fail) => {
    const req = request(url, {
      method: "POST",
      agent: false,
      headers: { "content-type": "application/json", accept: "application/json", ...AUTH },
    });
    req.once("error", fail);
    req.once("response", (res) => {
      res.resume(); // the representations are not measured, only the time to receive them
      res.once("end", () => ok({ status: res.statusCode ?? 0, headers: res.headers }));
      res.once("error", fail);
    });
    req.end(body);
  });
}

/**
 * Bulk create of `n` servers: one POST of an array to the server (validated,
 * all-or-none, returns the created representations) vs. the floor's multi-row
 * INSERT in one transaction, on the floor's database opened in this process.
 * Runs last for a seed: it stops both programs, because a PGlite directory opens in
 * one process only (the floor's copy for the INSERT, the server's for the clean-up).
 */
export async function bulkBench(server: Child, floor: Child, targets: { server: Target; floor: Target }, n: number) {
  const body = JSON.stringify(Array.from({ length: n }, (_, i) => item("bulk", i)));
  let t = performance.now();
  const r = await postOnNewConnection(`${server.base}/api/dcim/servers/`, body);
  const serverMs = performance.now() - t;
  const queries = Number(r.headers["x-query-count"] ?? -1);

  await floor.stop();
  const db = await openDb(targets.floor, 1);
  let floorMs: number;
  try {
    t = performance.now();
    await floorBulkInsert(
      db,
      Array.from({ length: n }, (_, i) => item("floorbulk", i)),
    );
    floorMs = performance.now() - t;
    await db.query(DELETE, ["floorbulk-%"]);
  } finally {
    await db.end();
  }
  await server.stop();
  const cleanup = await openDb(targets.server, 1);
  await cleanup.query(DELETE, ["bulk-%"]).finally(() => cleanup.end());
  return { status: r.status, serverMs: Math.round(serverMs), floorMs: Math.round(floorMs), queries };
}
