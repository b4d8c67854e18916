import { integer, pgTable, timestamp, uuid, varchar } from "drizzle-orm/pg-core";

/**
 * The `base_objects` view (created by migration 0005, UNION ALL over the asset
 * tables). Declared as a table shape for the server's binding only; it is not in
 * the schema index, so drizzle-kit never tries to create it.
 */
export const baseObjectsView = pgTable("base_objects", {
  id: integer("id").notNull(),
  type: varchar("type").notNull(),
  name: varchar("name").notNull(),
  sn: varchar("sn").notNull(),
  barcode: varchar("barcode"),
  status: varchar("status").notNull(),
  service_environment_id: integer("service_environment_id"),
  created: timestamp("created", { withTimezone: true }).notNull(),
  updated: timestamp("updated", { withTimezone: true }).notNull(),
  created_by_request: uuid("created_by_request"),
  updated_by_request: uuid("updated_by_request"),
});

/** The view's SQL; a migration runs it, and a test checks the migration matches. */
export const BASE_OBJECTS_VIEW_SQL = `CREATE OR REPLACE VIEW base_objects AS
  SELECT id, 'server'::varchar AS type, name, serial_number AS sn, asset_tag AS barcode, status,
         service_environment_id, created, updated, created_by_request, updated_by_request FROM servers
  UNION ALL
  SELECT id, 'switch', name, serial_number, asset_tag, status,
         NULL::integer, created, updated, created_by_request, updated_by_request FROM switches
  UNION ALL
  SELECT id, 'back_office_asset', hostname, coalesce(sn, ''), barcode, status,
         service_environment_id, created, updated, created_by_request, updated_by_request FROM back_office_assets
  UNION ALL
  SELECT id, 'virtual_server', hostname, sn, NULL, status,
         service_environment_id, created, updated, created_by_request, updated_by_request FROM virtual_servers
  UNION ALL
  SELECT id, 'cloud_host', hostname, host_id, NULL, 'in_use',
         service_environment_id, created, updated, created_by_request, updated_by_request FROM cloud_hosts`;
