import { cpSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "@rackplane/db";
import postgres from "postgres";
import { type Db, openDb, type Target } from "./db";

/** Servers per rack; the rack count follows from the seed size. */
const PER_RACK = 50;
export const STATUSES = ["new", "in_use", "to_deploy", "free", "damaged", "liquidated", "in_repair", "reserved"];

/** `postgres://…/rackplane` → the same server, database `name`. */
export function databaseUrl(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * The generated data, written once for both databases: `size` servers across regions,
 * data centers, rooms, racks and pools (4 in 5 servers pooled), two tags each, and `size`
 * IP addresses.
 * Everything is generated inside the database (generate_series), so 100,000 servers
 * take seconds, not minutes. Parameters are named (`:size`, `:racks`, `:statuses`).
 */
export const SEED_SQL = [
  `INSERT INTO manufacturers (name, slug) SELECT 'Vendor ' || i, 'vendor-' || i FROM generate_series(1, 5) i`,
  `INSERT INTO asset_models (name, manufacturer_id, category, u_height)
    SELECT 'Model ' || i, (i % 5) + 1, 'server', 1 + (i % 2) FROM generate_series(1, 20) i`,
  `INSERT INTO regions (name, slug) SELECT 'Region ' || i, 'region-' || i FROM generate_series(1, 10) i`,
  `INSERT INTO data_centers (name, slug, region_id)
    SELECT 'DC ' || i, 'dc-' || i, ((i - 1) % 10) + 1 FROM generate_series(1, 20) i`,
  `INSERT INTO server_rooms (name, data_center_id) SELECT 'Room ' || i, ((i - 1) % 20) + 1 FROM generate_series(1, 100) i`,
  `INSERT INTO racks (name, server_room_id, serial_number)
    SELECT 'rack-' || lpad(i::text, 5, '0'), ((i - 1) % 100) + 1, 'RSN' || i FROM generate_series(1, :racks::int) i`,
  `INSERT INTO pools (name, description) SELECT 'pool-' || lpad(i::text, 2, '0'), 'Team ' || i FROM generate_series(1, 20) i`,
  `INSERT INTO tags (name, slug, color) SELECT 'Tag ' || i, 'tag-' || i, 'aa00' || lpad(i::text, 2, '0')
    FROM generate_series(1, 20) i`,
  `INSERT INTO servers (name, asset_model_id, manufacturer, model, serial_number, sku, bios_version,
      bmc_url, power_state, status, rack_id, position, asset_tag, local_context_data, resource_pool_id)
    SELECT 'srv-' || lpad(i::text, 6, '0'), (i % 20) + 1, 'Vendor ' || ((i % 20) % 5 + 1), 'Model ' || ((i % 20) + 1),
      'SN' || lpad(i::text, 8, '0'), 'SKU-' || (i % 37), '2.' || (i % 9) || '.1',
      'https://127.0.0.1:8443/redfish/v1/Systems/' || i, (ARRAY['on','off','unknown'])[(i % 3) + 1],
      (:statuses::text[])[(i % ${STATUSES.length}) + 1], ((i - 1) / ${PER_RACK}) + 1,
      ((i - 1) % ${PER_RACK}) + 1, 'AT' || lpad(i::text, 8, '0'),
      CASE WHEN i % 4 = 0 THEN jsonb_build_object('role', 'compute', 'cpus', 64, 'ram_gb', 512, 'notes', repeat('x', 200)) END,
      CASE WHEN i % 5 <> 0 THEN (i % 20) + 1 END
    FROM generate_series(1, :size::int) i`,
  // As many IP addresses as servers (issue 16 §3: a million of each), from 10.0.0.1 up, in one
  // environment, each in its /16 network (`network` is derived on writes; seeded directly here).
  `INSERT INTO network_environments (name, description) VALUES ('bench', 'Generated addresses')`,
  `INSERT INTO networks (name, address, network_environment_id)
    SELECT 'net-' || n, ('10.' || n || '.0.0/16')::cidr, 1 FROM generate_series(0, (:size::int) / 65536) n`,
  `INSERT INTO ip_addresses (address, network_environment_id, network_id, hostname, dns_name, status)
    SELECT '10.0.0.0'::inet + i, 1, (i / 65536) + 1, 'host-' || lpad(i::text, 7, '0'),
      'host-' || lpad(i::text, 7, '0') || '.bench.example.net', (ARRAY['active','reserved','deprecated','dhcp'])[(i % 4) + 1]
    FROM generate_series(1, :size::int) i`,
  `INSERT INTO tagged_items (tag_id, object_type, object_id)
    SELECT t, 'dcim.servers', s FROM generate_series(1, :size::int) s, LATERAL (VALUES ((s % 20) + 1), (((s + 7) % 20) + 1)) v(t)`,
];

/** `SEED_SQL` as positional statements: each gets only the parameters it names (PostgreSQL rejects unused ones). */
export function seedStatements(size: number): [string, unknown[]][] {
  const values: Record<string, unknown> = { size, racks: Math.max(1, Math.ceil(size / PER_RACK)), statuses: STATUSES };
  return SEED_SQL.map((text) => {
    const names: string[] = [];
    const positional = text.replace(/(?<!:):(size|racks|statuses)\b/g, (_, name: string) => {
      if (!names.includes(name)) names.push(name);
      return `$${names.indexOf(name) + 1}`;
    });
    return [positional, names.map((n) => values[n])];
  });
}

/** Migrated schema + the generated data in one transaction, then fresh planner statistics; → server_version. */
export async function fill(target: Target, size: number): Promise<string> {
  const handle = await openDatabase("url" in target ? { url: target.url, poolSize: 1 } : target);
  await handle.migrate();
  await handle.close();
  const db = await openDb(target, 1);
  try {
    await db.begin(async (tx) => {
      for (const [text, params] of seedStatements(size)) await tx.query(text, params);
    });
    await db.query("ANALYZE");
    return await versionOf(db);
  } finally {
    await db.end();
  }
}

async function versionOf(db: Db): Promise<string> {
  const [row] = await db.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  return row?.v ?? "";
}

/** server_version when `target` already holds exactly `size` seeded servers (a bench run leaves it so), else null. */
export async function seededVersion(target: Target, size: number): Promise<string | null> {
  let db: Db | undefined;
  try {
    db = await openDb(target, 1);
    const [row] = await db.query<{
      n: number;
      pooled: number;
      ips: number;
    }>(`SELECT (SELECT count(*) FROM servers)::int AS n,
      (SELECT count(*) FROM servers WHERE resource_pool_id IS NOT NULL)::int AS pooled,
      (SELECT count(*) FROM ip_addresses)::int AS ips`);
    return row?.n === size && row.pooled > 0 && row.ips === size ? await versionOf(db) : null;
  } catch {
    return null; // not a seeded database (or not a database at all)
  } finally {
    await db?.end();
  }
}

export interface Seeded {
  /** The server's database, and the floor's: the same on PostgreSQL, a copy on PGlite. */
  server: Target;
  floor: Target;
  reused: boolean;
  seconds: number;
  /** server_version of the seeded database. */
  version: string;
}

/**
 * PostgreSQL: database `name` on `baseUrl`'s server holding the generated data.
 * Reuses an existing database that already holds exactly `size` servers.
 */
export async function seed(
  baseUrl: string,
  name: string,
  size: number,
  opts: { fresh?: boolean } = {},
): Promise<Seeded> {
  const target = { url: databaseUrl(baseUrl, name) };
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    const exists = (await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`).length > 0;
    const version = exists && !opts.fresh ? await seededVersion(target, size) : null;
    if (version !== null) return { server: target, floor: target, reused: true, seconds: 0, version };
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const started = performance.now();
  const version = await fill(target, size);
  return { server: target, floor: target, reused: false, seconds: (performance.now() - started) / 1000, version };
}

/**
 * PGlite: `dir/server` holds the generated data (reused when it already holds `size`
 * servers). A PGlite directory opens in one process only, so the floor gets
 * `dir/floor`, a fresh copy made while nothing has either open.
 */
export async function seedPglite(dir: string, size: number, opts: { fresh?: boolean } = {}): Promise<Seeded> {
  const server = { dataDir: join(dir, "server") };
  const floor = { dataDir: join(dir, "floor") };
  const started = performance.now();
  let version = existsSync(server.dataDir) && !opts.fresh ? await seededVersion(server, size) : null;
  const reused = version !== null;
  if (version === null) {
    rmSync(server.dataDir, { recursive: true, force: true });
    version = await fill(server, size);
  }
  const seconds = reused ? 0 : (performance.now() - started) / 1000;
  rmSync(floor.dataDir, { recursive: true, force: true });
  cpSync(server.dataDir, floor.dataDir, { recursive: true });
  return { server, floor, reused, seconds, version };
}
