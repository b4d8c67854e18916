import { boolean, pgTable, timestamp, varchar } from "drizzle-orm/pg-core";
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
