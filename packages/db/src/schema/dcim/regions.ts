import { type AnyPgColumn, index, integer, pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";

export const regions = pgTable(
  "regions",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull().unique(),
    slug: varchar("slug", { length: 100 }).notNull().unique(),
    parent_id: integer("parent_id").references((): AnyPgColumn => regions.id),
    description: varchar("description", { length: 200 }).notNull().default(""),
  },
  (t) => [...standardIndexes("regions", t), index("regions_parent_idx").on(t.parent_id)],
);
