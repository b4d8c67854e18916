import { type Database, rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import type { Inventory } from "../redfish/inventory";

/** Re-registering a BMC whose server exists (same BMC URL) updates that server. */
export async function serverOfBmc(tx: Database, bmcUrl: string): Promise<number | null> {
  const [hit] = rowsOf<{ id: number }>(
    await tx.execute(sql`SELECT id FROM servers WHERE bmc_url = ${bmcUrl} ORDER BY id LIMIT 1`),
  );
  return hit?.id ?? null;
}

/**
 * Writes what the BMC reported: the server's own columns and its inventory parts,
 * each part replaced as a whole. A part the BMC does not serve (`null`) is left
 * empty — unknown, not "none". Runs inside the caller's transaction.
 */
export async function storeInventory(
  tx: Database,
  inv: Inventory,
  /** `serverId`: the server to update; `null` = a new one; absent = the one with this BMC URL, if any. */
  opts: { serverId?: number | null; bmcUrl: string; fallbackName: string },
): Promise<number> {
  const s = inv.system;
  const name = s.name || opts.fallbackName;
  let serverId = opts.serverId === undefined ? await serverOfBmc(tx, opts.bmcUrl) : opts.serverId;
  if (serverId === null) {
    const [row] = rowsOf<{ id: number }>(
      await tx.execute(sql`INSERT INTO servers (name, manufacturer, model, serial_number, sku, bios_version, bmc_url, power_state)
        VALUES (${name}, ${s.manufacturer}, ${s.model}, ${s.serial_number}, ${s.sku}, ${s.bios_version}, ${opts.bmcUrl}, ${s.power_state})
        RETURNING id`),
    );
    serverId = row!.id;
  } else {
    await tx.execute(sql`UPDATE servers SET manufacturer = ${s.manufacturer}, model = ${s.model}, serial_number = ${s.serial_number},
        sku = ${s.sku}, bios_version = ${s.bios_version}, bmc_url = ${opts.bmcUrl}, power_state = ${s.power_state}, updated = now()
      WHERE id = ${serverId}`);
  }
  const id = serverId;
  for (const t of ["server_processors", "server_ethernet_interfaces", "server_storages", "server_firmwares"])
    await tx.execute(sql`DELETE FROM ${sql.identifier(t)} WHERE server_id = ${id}`);
  for (const p of inv.processors ?? [])
    await tx.execute(sql`INSERT INTO server_processors (server_id, name, manufacturer, model, cores, threads, speed_mhz)
      VALUES (${id}, ${p.name}, ${p.manufacturer}, ${p.model}, ${p.cores}, ${p.threads}, ${p.speed_mhz})`);
  for (const n of inv.ethernet_interfaces ?? [])
    await tx.execute(sql`INSERT INTO server_ethernet_interfaces (server_id, name, mac, speed_mbps, link_status)
      VALUES (${id}, ${n.name}, ${n.mac}, ${n.speed_mbps}, ${n.link_status})`);
  for (const st of inv.storages ?? [])
    await tx.execute(sql`INSERT INTO server_storages (server_id, name, controllers, drives, volumes, capacity_bytes)
      VALUES (${id}, ${st.name}, ${JSON.stringify(st.controllers)}::jsonb, ${JSON.stringify(st.drives)}::jsonb,
        ${JSON.stringify(st.volumes)}::jsonb, ${st.capacity_bytes})`);
  for (const f of inv.firmwares ?? [])
    await tx.execute(sql`INSERT INTO server_firmwares (server_id, name, version, updateable)
      VALUES (${id}, ${f.name}, ${f.version}, ${f.updateable})`);
  return id;
}
