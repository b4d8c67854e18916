import { pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";

export const authProfiles = pgTable(
  "auth_profiles",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull().unique(),
    description: varchar("description", { length: 200 }).notNull().default(""),
    node_classification: varchar("node_classification", { length: 100 }).notNull().default(""),
    bmc: varchar("bmc", { length: 20 }).notNull().default("redfish"),
  },
  (t) => [...standardIndexes("auth_profiles", t)],
);
