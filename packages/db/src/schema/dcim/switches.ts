import { index, integer, pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { pools } from "../pools/pools";
import { assetModels } from "./asset-models";
import { racks } from "./racks";

export const switches = pgTable(
  "switches",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull(),
    asset_model_id: integer("asset_model_id").references(() => assetModels.id),
    serial_number: varchar("serial_number", { length: 100 }).notNull().default(""),
    rack_id: integer("rack_id").references(() => racks.id, { onDelete: "set null" }),
    resource_pool_id: integer("resource_pool_id").references(() => pools.id),
    position: integer("position"),
    status: varchar("status", { length: 30 }).notNull().default("new"),
    asset_tag: varchar("asset_tag", { length: 50 }).unique(),
  },
  (t) => [
    ...standardIndexes("switches", t),
    index("switches_name_idx").on(t.name),
    index("switches_rack_idx").on(t.rack_id),
    index("switches_resource_pool_idx").on(t.resource_pool_id),
    index("switches_asset_model_idx").on(t.asset_model_id),
  ],
);
