import { type AnyPgColumn, index, integer, jsonb, pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { nodes } from "../discovery/nodes";
import { pools } from "../pools/pools";
import { serviceEnvironments } from "../services/service-environments";
import { assetModels } from "./asset-models";
import { racks } from "./racks";

export const servers = pgTable(
  "servers",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull(),
    asset_model_id: integer("asset_model_id").references(() => assetModels.id),
    manufacturer: varchar("manufacturer", { length: 100 }).notNull().default(""),
    model: varchar("model", { length: 100 }).notNull().default(""),
    serial_number: varchar("serial_number", { length: 100 }).notNull().default(""),
    sku: varchar("sku", { length: 100 }).notNull().default(""),
    bios_version: varchar("bios_version", { length: 100 }).notNull().default(""),
    bmc_url: varchar("bmc_url", { length: 200 }).notNull().default(""),
    power_state: varchar("power_state", { length: 20 }).notNull().default("unknown"),
    status: varchar("status", { length: 30 }).notNull().default("new"),
    rack_id: integer("rack_id").references(() => racks.id, { onDelete: "set null" }),
    // No ON DELETE: a pool holding servers cannot be deleted (409).
    resource_pool_id: integer("resource_pool_id").references(() => pools.id),
    /** The BMC (discovery node) that registered the server; written with `nodes.server_id` by registration. */
    node_id: integer("node_id").references((): AnyPgColumn => nodes.id, { onDelete: "set null" }),
    position: integer("position"),
    asset_tag: varchar("asset_tag", { length: 50 }).unique(),
    local_context_data: jsonb("local_context_data"),
    service_environment_id: integer("service_environment_id").references(() => serviceEnvironments.id, {
      onDelete: "set null",
    }),
  },
  (t) => [
    ...standardIndexes("servers", t),
    // (name, id): the default ordering, so keyset pages at any depth are an index range scan.
    index("servers_name_idx").on(t.name, t.id),
    index("servers_status_idx").on(t.status),
    index("servers_rack_idx").on(t.rack_id),
    index("servers_resource_pool_idx").on(t.resource_pool_id),
    index("servers_node_idx").on(t.node_id),
    index("servers_asset_model_idx").on(t.asset_model_id),
    index("servers_serial_number_idx").on(t.serial_number),
  ],
);
