import { jsonb, pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";

export const bgpGroups = pgTable(
  "bgp_groups",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull().unique(),
    slug: varchar("slug", { length: 100 }).notNull().unique(),
    status: varchar("status", { length: 20 }).notNull().default("enabled"),
    description: varchar("description", { length: 200 }).notNull().default(""),
    local_context_data: jsonb("local_context_data"),
  },
  (t) => [...standardIndexes("bgp_groups", t)],
);
