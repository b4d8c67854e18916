import { bigint, index, integer, pgTable, primaryKey, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { assetModels } from "../dcim/asset-models";
import { manufacturers } from "../dcim/manufacturers";

export const firmware = pgTable(
  "firmware",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull(),
    version: varchar("version", { length: 50 }).notNull(),
    firmware_type: varchar("firmware_type", { length: 20 }).notNull().default("bios"),
    manufacturer_id: integer("manufacturer_id").references(() => manufacturers.id, { onDelete: "set null" }),
    file_url: varchar("file_url", { length: 500 }).notNull(),
    checksum: varchar("checksum", { length: 128 }).notNull().default(""),
    size: bigint("size", { mode: "number" }),
  },
  (t) => [...standardIndexes("firmware", t), index("firmware_name_idx").on(t.name, t.version)],
);

/** Which asset models a firmware image applies to. */
export const firmwareAssetModels = pgTable(
  "firmware_asset_models",
  {
    firmware_id: integer("firmware_id")
      .notNull()
      .references(() => firmware.id, { onDelete: "cascade" }),
    asset_model_id: integer("asset_model_id")
      .notNull()
      .references(() => assetModels.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.firmware_id, t.asset_model_id] }),
    index("firmware_asset_models_model_idx").on(t.asset_model_id),
  ],
);
