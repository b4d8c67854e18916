import { index, integer, pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { regions } from "./regions";

export const dataCenters = pgTable(
  "data_centers",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull().unique(),
    slug: varchar("slug", { length: 100 }).notNull().unique(),
    region_id: integer("region_id").references(() => regions.id),
    address: varchar("address", { length: 200 }).notNull().default(""),
  },
  (t) => [...standardIndexes("data_centers", t), index("data_centers_region_idx").on(t.region_id)],
);
