import { index, integer, pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { dataCenters } from "../dcim/data-centers";

export const networkEnvironments = pgTable(
  "network_environments",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull().unique(),
    data_center_id: integer("data_center_id").references(() => dataCenters.id, { onDelete: "set null" }),
    description: varchar("description", { length: 200 }).notNull().default(""),
  },
  (t) => [...standardIndexes("network_environments", t), index("network_environments_dc_idx").on(t.data_center_id)],
);
