import { date, index, integer, numeric, pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { assetModels } from "../dcim/asset-models";
import { warehouses } from "../dcim/warehouses";
import { users } from "../users/users";
import { baseObjectId } from "./base-object-ids";
import { serviceEnvironmentId } from "./service-environment-id";

export const backOfficeAssets = pgTable(
  "back_office_assets",
  {
    ...standardColumns,
    id: baseObjectId(),
    ...commentsColumn,
    hostname: varchar("hostname", { length: 255 }).notNull().default(""),
    asset_model_id: integer("asset_model_id").references(() => assetModels.id),
    sn: varchar("sn", { length: 200 }).unique(),
    barcode: varchar("barcode", { length: 200 }).unique(),
    warehouse_id: integer("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    location: varchar("location", { length: 128 }).notNull().default(""),
    user_id: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    owner_id: integer("owner_id").references(() => users.id, { onDelete: "set null" }),
    service_environment_id: serviceEnvironmentId(),
    status: varchar("status", { length: 30 }).notNull().default("new"),
    price: numeric("price", { precision: 12, scale: 2 }),
    invoice_date: date("invoice_date"),
  },
  (t) => [
    ...standardIndexes("back_office_assets", t),
    index("back_office_assets_hostname_idx").on(t.hostname),
    index("back_office_assets_warehouse_idx").on(t.warehouse_id),
    index("back_office_assets_status_idx").on(t.status),
  ],
);
