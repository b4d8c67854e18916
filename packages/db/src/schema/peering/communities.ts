import { index, jsonb, pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";

export const communities = pgTable(
  "communities",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull().unique(),
    slug: varchar("slug", { length: 100 }).notNull().unique(),
    value: varchar("value", { length: 50 }).notNull(),
    type: varchar("type", { length: 20 }),
    description: varchar("description", { length: 200 }).notNull().default(""),
    local_context_data: jsonb("local_context_data"),
  },
  (t) => [...standardIndexes("communities", t), index("communities_ordering_idx").on(t.value, t.name, t.id)],
);
