import { boolean, index, integer, pgTable, primaryKey, timestamp, varchar } from "drizzle-orm/pg-core";
import { standardColumns, standardIndexes } from "../columns";

export const users = pgTable(
  "users",
  {
    ...standardColumns,
    username: varchar("username", { length: 150 }).notNull().unique(),
    email: varchar("email", { length: 254 }).notNull().default(""),
    first_name: varchar("first_name", { length: 150 }).notNull().default(""),
    last_name: varchar("last_name", { length: 150 }).notNull().default(""),
    is_active: boolean("is_active").notNull().default(true),
    is_superuser: boolean("is_superuser").notNull().default(false),
    /** bcrypt hash; null = no password login (tokens only). */
    password: varchar("password", { length: 100 }),
    last_login: timestamp("last_login", { withTimezone: true, precision: 6 }),
    /** Comma-separated scopes of the user (any credential): `<app>:read|write` limit apps, other words are labels. */
    scopes: varchar("scopes", { length: 500 }).notNull().default(""),
  },
  (t) => [...standardIndexes("users", t)],
);

export const groups = pgTable(
  "groups",
  {
    ...standardColumns,
    name: varchar("name", { length: 150 }).notNull().unique(),
  },
  (t) => [...standardIndexes("groups", t)],
);

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
