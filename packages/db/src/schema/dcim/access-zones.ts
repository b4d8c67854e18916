import { type AnyPgColumn, index, integer, pgTable, unique, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";

export const accessZones = pgTable(
  "access_zones",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull(),
    parent_id: integer("parent_id").references((): AnyPgColumn => accessZones.id),
    description: varchar("description", { length: 200 }).notNull().default(""),
  },
  (t) => [
    ...standardIndexes("access_zones", t),
    index("access_zones_ordering_idx").on(t.name, t.id),
    unique("access_zones_parent_name_key").on(t.parent_id, t.name).nullsNotDistinct(),
    index("access_zones_parent_idx").on(t.parent_id),
  ],
);
