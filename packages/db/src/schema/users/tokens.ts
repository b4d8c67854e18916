import { boolean, index, integer, pgTable, timestamp, varchar } from "drizzle-orm/pg-core";
import { standardColumns, standardIndexes } from "../columns";
import { users } from "./users";

/**
 * API tokens. The key itself is never stored: `prefix` (first 8 hex, not secret)
 * finds the row, `key_hash` (SHA-256 of the 160-bit random key) proves it.
 */
export const tokens = pgTable(
  "tokens",
  {
    ...standardColumns,
    user_id: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    prefix: varchar("prefix", { length: 8 }).notNull(),
    key_hash: varchar("key_hash", { length: 64 }).notNull().unique(),
    description: varchar("description", { length: 200 }).notNull().default(""),
    expires: timestamp("expires", { withTimezone: true, precision: 6, mode: "string" }),
    write_enabled: boolean("write_enabled").notNull().default(true),
    scopes: varchar("scopes", { length: 500 }).notNull().default(""),
    last_used: timestamp("last_used", { withTimezone: true, precision: 6 }),
  },
  (t) => [
    ...standardIndexes("tokens", t),
    index("tokens_prefix_idx").on(t.prefix),
    index("tokens_user_idx").on(t.user_id),
  ],
);
