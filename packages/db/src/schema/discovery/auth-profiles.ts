import { index, integer, pgTable, text, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";

export const authProfiles = pgTable(
  "auth_profiles",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull().unique(),
    description: varchar("description", { length: 200 }).notNull().default(""),
    node_classification: varchar("node_classification", { length: 100 }).notNull().default(""),
    bmc: varchar("bmc", { length: 20 }).notNull().default("redfish"),
  },
  (t) => [...standardIndexes("auth_profiles", t)],
);

/** BMC logins; `password` holds AES-256-GCM ciphertext (`v1:<iv>:<tag>:<data>`), never the password. */
export const credentials = pgTable(
  "credentials",
  {
    ...standardColumns,
    auth_profile_id: integer("auth_profile_id")
      .notNull()
      .references(() => authProfiles.id, { onDelete: "cascade" }),
    username: varchar("username", { length: 100 }).notNull(),
    password: text("password").notNull(),
    priority: integer("priority").notNull().default(100),
  },
  (t) => [...standardIndexes("credentials", t), index("credentials_profile_idx").on(t.auth_profile_id, t.priority)],
);
