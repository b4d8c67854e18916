import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { defineJob } from "../jobs/registry";
import { RedfishClient } from "../redfish/client";
import { intToIpv4, ipv4ToInt } from "./ipv4";

export const SCAN_JOB = "discovery.scan";

interface ScanRangeRow {
  id: number;
  ip_from: string;
  ip_to: string;
  ports: number[];
}

/** `http(s)://address:port`: 443 speaks TLS, other ports plain HTTP (emulators, labs). */
export const bmcUrl = (address: string, port: number) => `${port === 443 ? "https" : "http"}://${address}:${port}`;

/** Runs `work` over `items` with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(runners);
}

/**
 * Probes every address:port of the ranges for a Redfish service root (which
 * answers without credentials) and records what answers as a node; rescans
 * update nodes, never duplicate them.
 */
defineJob<{ scan_ranges: number[] }>(SCAN_JOB, async ({ params, db, signal, progress }) => {
  const ranges = rowsOf<ScanRangeRow>(
    await db.execute(
      sql`SELECT id, host(ip_from) AS ip_from, host(ip_to) AS ip_to, ports FROM scan_ranges WHERE id IN (${sql.join(
        params.scan_ranges.map((id) => sql`${id}`),
        sql`, `,
      )}) ORDER BY id`,
    ),
  );
  const targets: { range: number; address: string; port: number }[] = [];
  for (const r of ranges)
    for (let a = ipv4ToInt(r.ip_from); a <= ipv4ToInt(r.ip_to); a++)
      for (const port of r.ports) targets.push({ range: r.id, address: intToIpv4(a), port });
  const timeoutMs = Number(process.env.RACKPLANE_SCAN_TIMEOUT_MS ?? 2000);
  const concurrency = Number(process.env.RACKPLANE_SCAN_CONCURRENCY ?? 16);
  const found = new Map<number, number[]>(ranges.map((r) => [r.id, []]));
  let done = 0;
  try {
    await pool(targets, concurrency, async (t) => {
      const url = bmcUrl(t.address, t.port);
      const root = await new RedfishClient({ baseUrl: url, timeoutMs, retries: 0, signal })
        .root()
        .catch((e: unknown) => {
          if (signal.aborted) throw e;
          return undefined;
        });
      if (root && (root.RedfishVersion || root.Systems)) {
        const vendor = String(root.Vendor ?? Object.keys((root.Oem as object) ?? {})[0] ?? "");
        const product = String(root.Product ?? root.Name ?? "");
        const [node] = rowsOf<{ id: number }>(
          await db.execute(sql`INSERT INTO nodes (address, port, bmc_url, vendor, product, redfish_version, scan_range_id, last_seen)
            VALUES (${t.address}::inet, ${t.port}, ${url}, ${vendor}, ${product}, ${String(root.RedfishVersion ?? "")}, ${t.range}, now())
            ON CONFLICT (address, port) DO UPDATE SET bmc_url = EXCLUDED.bmc_url, vendor = EXCLUDED.vendor,
              product = EXCLUDED.product, redfish_version = EXCLUDED.redfish_version,
              scan_range_id = EXCLUDED.scan_range_id, last_seen = now(), updated = now()
            RETURNING id`),
        );
        found.get(t.range)!.push(node!.id);
      }
      done++;
      if (done % 8 === 0 || done === targets.length) await progress((done / Math.max(1, targets.length)) * 100);
    });
  } catch (e) {
    await db.execute(
      sql`UPDATE scan_ranges SET status = 'failed', updated = now() WHERE id IN (${sql.join(
        ranges.map((r) => sql`${r.id}`),
        sql`, `,
      )})`,
    );
    throw e;
  }
  for (const r of ranges)
    await db.execute(sql`UPDATE scan_ranges SET status = 'ready', last_scanned = now(), nodes_found = ${found.get(r.id)!.length},
      updated = now() WHERE id = ${r.id}`);
  const nodes = [...found.values()].flat();
  return { probed: targets.length, found: nodes.length, nodes };
});
