import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Server-generated secrets and settings shared by every replica (e.g. the JWT signing key). */
export const serverSettings = pgTable("server_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  created: timestamp("created", { withTimezone: true }).notNull().defaultNow(),
});
