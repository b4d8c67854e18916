import { index, integer, pgTable, unique, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { manufacturers } from "./manufacturers";

export const assetModels = pgTable(
  "asset_models",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull(),
    manufacturer_id: integer("manufacturer_id")
      .notNull()
      .references(() => manufacturers.id),
    category: varchar("category", { length: 30 }).notNull(),
    u_height: integer("u_height").notNull().default(1),
    part_number: varchar("part_number", { length: 100 }).notNull().default(""),
  },
  (t) => [
    ...standardIndexes("asset_models", t),
    unique("asset_models_manufacturer_name_key").on(t.manufacturer_id, t.name),
    index("asset_models_category_idx").on(t.category),
  ],
);
