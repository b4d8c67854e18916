import { openDatabase } from "@rackplane/db";
import postgres from "postgres";

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
 * A fresh database `name` holding `size` servers across regions, data centers,
 * rooms, racks and pools (4 in 5 servers pooled), two tags each. Everything is generated inside PostgreSQL
 * (generate_series), so 100,000 servers take seconds, not minutes.
 * Reuses an existing database that already holds exactly `size` servers.
 */
export async function seed(baseUrl: string, name: string, size: number, opts: { fresh?: boolean } = {}) {
  const url = databaseUrl(baseUrl, name);
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    const exists = (await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`).length > 0;
    if (exists && !opts.fresh) {
      const c = postgres(url, { max: 1, onnotice: () => {} });
      try {
        const [row] = await c`SELECT (SELECT count(*) FROM servers)::int AS n,
          (SELECT count(*) FROM servers WHERE resource_pool_id IS NOT NULL)::int AS pooled`;
        if (row?.n === size && row.pooled > 0) return { url, reused: true, seconds: 0 };
      } catch {
        // not a seeded database: recreate it
      } finally {
        await c.end();
      }
    }
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const started = performance.now();
  const handle = await openDatabase({ url, poolSize: 1 });
  await handle.migrate();
  await handle.close();

  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const racks = Math.max(1, Math.ceil(size / PER_RACK));
    await sql.begin(async (tx) => {
      await tx`INSERT INTO manufacturers (name, slug) SELECT 'Vendor ' || i, 'vendor-' || i FROM generate_series(1, 5) i`;
      await tx`INSERT INTO asset_models (name, manufacturer_id, category, u_height)
        SELECT 'Model ' || i, (i % 5) + 1, 'server', 1 + (i % 2) FROM generate_series(1, 20) i`;
      await tx`INSERT INTO regions (name, slug) SELECT 'Region ' || i, 'region-' || i FROM generate_series(1, 10) i`;
      await tx`INSERT INTO data_centers (name, slug, region_id)
        SELECT 'DC ' || i, 'dc-' || i, ((i - 1) % 10) + 1 FROM generate_series(1, 20) i`;
      await tx`INSERT INTO server_rooms (name, data_center_id)
        SELECT 'Room ' || i, ((i - 1) % 20) + 1 FROM generate_series(1, 100) i`;
      await tx`INSERT INTO racks (name, server_room_id, serial_number)
        SELECT 'rack-' || lpad(i::text, 5, '0'), ((i - 1) % 100) + 1, 'RSN' || i FROM generate_series(1, ${racks}) i`;
      await tx`INSERT INTO pools (name, description) SELECT 'pool-' || lpad(i::text, 2, '0'), 'Team ' || i
        FROM generate_series(1, 20) i`;
      await tx`INSERT INTO tags (name, slug, color) SELECT 'Tag ' || i, 'tag-' || i, 'aa00' || lpad(i::text, 2, '0')
        FROM generate_series(1, 20) i`;
      await tx`INSERT INTO servers (name, asset_model_id, manufacturer, model, serial_number, sku, bios_version,
          bmc_url, power_state, status, rack_id, position, asset_tag, local_context_data, resource_pool_id)
        SELECT 'srv-' || lpad(i::text, 6, '0'), (i % 20) + 1, 'Vendor ' || ((i % 20) % 5 + 1), 'Model ' || ((i % 20) + 1),
          'SN' || lpad(i::text, 8, '0'), 'SKU-' || (i % 37), '2.' || (i % 9) || '.1',
          'https://127.0.0.1:8443/redfish/v1/Systems/' || i, (ARRAY['on','off','unknown'])[(i % 3) + 1],
          (${sql.array(STATUSES)}::text[])[(i % ${STATUSES.length}) + 1], ((i - 1) / ${PER_RACK}) + 1,
          ((i - 1) % ${PER_RACK}) + 1, 'AT' || lpad(i::text, 8, '0'),
          CASE WHEN i % 4 = 0 THEN jsonb_build_object('role', 'compute', 'cpus', 64, 'ram_gb', 512, 'notes', repeat('x', 200)) END,
          CASE WHEN i % 5 <> 0 THEN (i % 20) + 1 END
        FROM generate_series(1, ${size}) i`;
      await tx`INSERT INTO tagged_items (tag_id, object_type, object_id)
        SELECT t, 'dcim.servers', s FROM generate_series(1, ${size}) s, LATERAL (VALUES ((s % 20) + 1), (((s + 7) % 20) + 1)) v(t)`;
    });
    await sql`ANALYZE`;
  } finally {
    await sql.end();
  }
  return { url, reused: false, seconds: (performance.now() - started) / 1000 };
}
