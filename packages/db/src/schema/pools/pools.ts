import { type AnyPgColumn, index, integer, pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { groups } from "../users/groups";

export const pools = pgTable(
  "pools",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull().unique(),
    description: varchar("description", { length: 200 }).notNull().default(""),
    // No ON DELETE: a pool with sub-pools cannot be deleted (409).
    parent_id: integer("parent_id").references((): AnyPgColumn => pools.id),
    // Access: non-superusers see only pools of their groups. No ON DELETE: a group
    // still controlling pools cannot be deleted (409), so no pool silently loses its owners.
    group_id: integer("group_id").references(() => groups.id),
  },
  (t) => [
    ...standardIndexes("pools", t),
    index("pools_parent_idx").on(t.parent_id),
    index("pools_group_idx").on(t.group_id),
  ],
);
