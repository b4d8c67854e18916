import { index, integer, pgTable, primaryKey, varchar } from "drizzle-orm/pg-core";
import { standardColumns, standardIndexes } from "../columns";
import { groups, users } from "./users";

/** Object permissions (resource types × actions × optional filter constraint), granted to groups and users. */
export const objectPermissions = pgTable(
  "object_permissions",
  {
    ...standardColumns,
    name: varchar("name", { length: 100 }).notNull().unique(),
    description: varchar("description", { length: 200 }).notNull().default(""),
    object_types: varchar("object_types", { length: 1000 }).notNull(),
    actions: varchar("actions", { length: 500 }).notNull(),
    constraints: varchar("constraints", { length: 1000 }).notNull().default(""),
  },
  (t) => [...standardIndexes("object_permissions", t)],
);

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
