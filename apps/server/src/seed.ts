import { randomUUID } from "node:crypto";
import type { DatabaseHandle } from "@rackplane/db";
import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { bindingOf } from "./framework/binding";
import type { RequestContext } from "./framework/context";
import { ResourceService } from "./framework/service";
import { catalogueSample } from "./seed-catalogue";

/** What `rackplane seed` creates, by resource, in dependency order. */
const sample: [string, Record<string, unknown>[]][] = [
  [
    "core.tags",
    [
      { name: "Production", slug: "production", color: "d32f2f" },
      { name: "Staging", slug: "staging", color: "1976d2" },
    ],
  ],
  ["dcim.regions", [{ name: "Europe", slug: "europe" }]],
  ["dcim.regions", [{ name: "Poland", slug: "poland", parent: { slug: "europe" } }]],
  [
    "dcim.data-centers",
    [{ name: "DC Warsaw 1", slug: "waw1", region: { slug: "poland" }, address: "Prosta 1, Warsaw" }],
  ],
  [
    "dcim.server-rooms",
    [
      { name: "Room A", data_center: { slug: "waw1" } },
      { name: "Room B", data_center: { slug: "waw1" } },
    ],
  ],
  [
    "dcim.racks",
    ["A01", "A02", "B01"].map((name) => ({
      name,
      server_room: { name: name.startsWith("A") ? "Room A" : "Room B" },
      u_height: 42,
    })),
  ],
  [
    "dcim.manufacturers",
    [
      { name: "Dell", slug: "dell" },
      { name: "Arista", slug: "arista" },
    ],
  ],
  [
    "dcim.asset-models",
    [
      { name: "PowerEdge R650", manufacturer: { slug: "dell" }, category: "server", u_height: 1 },
      { name: "7050X3", manufacturer: { slug: "arista" }, category: "switch", u_height: 1 },
    ],
  ],
  [
    "dcim.servers",
    Array.from({ length: 12 }, (_, i) => ({
      name: `web-${String(i + 1).padStart(2, "0")}.waw1`,
      asset_model: { name: "PowerEdge R650" },
      serial_number: `SN-${10000 + i}`,
      rack: { name: i < 6 ? "A01" : "A02" },
      position: (i % 6) * 2 + 1,
      status: i % 4 === 0 ? "free" : "in_use",
      tags: [{ slug: i % 3 === 0 ? "staging" : "production" }],
    })),
  ],
  [
    "dcim.switches",
    [{ name: "tor-a01", asset_model: { name: "7050X3" }, rack: { name: "A01" }, position: 42, status: "in_use" }],
  ],
  ...catalogueSample,
];

/** After each resource: how many of `total` resources are done (a progress bar). */
export type SeedProgress = (done: number, total: number, key: string) => void;

/** Fills an empty database with a small sample inventory; does nothing if servers exist. */
export async function seed(
  database: DatabaseHandle,
  log: (m: string) => void = console.log,
  progress?: SeedProgress,
): Promise<boolean> {
  const [row] = rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM servers`));
  if (Number(row?.n ?? 0) > 0) {
    log("seed: database already has servers; nothing to do");
    return false;
  }
  const svc = new ResourceService(database.db, { defaultPageSize: 50, maxPageSize: 1000 });
  const ctx: RequestContext = { requestId: randomUUID(), baseUrl: "http://localhost", query: {}, path: "/" };
  for (const [step, [key, items]] of sample.entries()) {
    const b = bindingOf(key);
    // Through the contract's Create schema, exactly as an API client's payload would go.
    const parsed = items.map((item) => b.resource.schemas.Create!.parse(item) as Record<string, unknown>);
    await svc.create(b, parsed, ctx, true).catch((e) => {
      throw new Error(`seed ${key}: ${JSON.stringify(e.body ?? e.message)}`);
    });
    log(`seed: ${items.length} ${key}`);
    progress?.(step + 1, sample.length, key);
  }
  return true;
}
