import { index, integer, pgTable, primaryKey } from "drizzle-orm/pg-core";
import { objectPermissions } from "./object-permissions";
import { users } from "./users";

/** Users a permission is granted to directly. */
export const objectPermissionUsers = pgTable(
  "object_permission_users",
  {
    permission_id: integer("permission_id")
      .notNull()
      .references(() => objectPermissions.id, { onDelete: "cascade" }),
    user_id: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.permission_id, t.user_id] }),
    index("object_permission_users_user_idx").on(t.user_id),
  ],
);
