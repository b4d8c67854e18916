import { index, integer, pgTable, primaryKey } from "drizzle-orm/pg-core";
import { groups } from "./groups";
import { users } from "./users";

/** Membership: read and written from both sides (`users.groups`, `groups.members`). */
export const userGroups = pgTable(
  "user_groups",
  {
    user_id: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    group_id: integer("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.user_id, t.group_id] }), index("user_groups_group_idx").on(t.group_id)],
);
