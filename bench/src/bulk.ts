import postgres from "postgres";
import { floorBulkInsert } from "./floor";
import { AUTH } from "./processes";

const item = (prefix: string, i: number) => ({
  name: `${prefix}-${i}`,
  serial_number: `${prefix.toUpperCase()}${i}`,
  manufacturer: "Vendor 1",
  model: "Model 1",
  status: "new",
  position: null,
});

/**
 * Bulk create of `n` servers: one POST of an array to the server (validated,
 * all-or-none, returns the created representations) vs. the floor's multi-row
 * INSERT in one transaction. The rows are deleted afterwards so the seed stays as it was.
 */
export async function bulkBench(serverBase: string, url: string, n: number) {
  const body = JSON.stringify(Array.from({ length: n }, (_, i) => item("bulk", i)));
  let t = performance.now();
  const r = await fetch(`${serverBase}/api/dcim/servers/`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...AUTH },
    body,
  });
  await r.arrayBuffer();
  const serverMs = performance.now() - t;
  const queries = Number(r.headers.get("x-query-count") ?? -1);
  t = performance.now();
  await floorBulkInsert(
    url,
    Array.from({ length: n }, (_, i) => item("floorbulk", i)),
  );
  const floorMs = performance.now() - t;
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql`DELETE FROM servers WHERE name LIKE 'bulk-%' OR name LIKE 'floorbulk-%'`;
  await sql.end();
  return { status: r.status, serverMs: Math.round(serverMs), floorMs: Math.round(floorMs), queries };
}
