import { index, integer, pgTable, text, varchar } from "drizzle-orm/pg-core";
import { standardColumns, standardIndexes } from "../columns";
import { authProfiles } from "./auth-profiles";

/** BMC logins; `password` is sealed by the secrets module (AES-256-GCM, `v2:<key id>:…`), never the password. */
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
