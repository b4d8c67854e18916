import { index, integer, jsonb, pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";

export const routingPolicies = pgTable(
  "routing_policies",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull().unique(),
    slug: varchar("slug", { length: 100 }).notNull().unique(),
    type: varchar("type", { length: 30 }).notNull().default("import-policy"),
    weight: integer("weight").notNull().default(0),
    address_family: integer("address_family").notNull().default(0),
    description: varchar("description", { length: 200 }).notNull().default(""),
    local_context_data: jsonb("local_context_data"),
  },
  (t) => [...standardIndexes("routing_policies", t), index("routing_policies_ordering_idx").on(t.weight, t.name, t.id)],
);
