import { index, integer, pgTable, primaryKey } from "drizzle-orm/pg-core";
import { groups } from "./groups";
import { objectPermissions } from "./object-permissions";

/** Groups a permission is granted to. */
export const objectPermissionGroups = pgTable(
  "object_permission_groups",
  {
    permission_id: integer("permission_id")
      .notNull()
      .references(() => objectPermissions.id, { onDelete: "cascade" }),
    group_id: integer("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.permission_id, t.group_id] }),
    index("object_permission_groups_group_idx").on(t.group_id),
  ],
);
