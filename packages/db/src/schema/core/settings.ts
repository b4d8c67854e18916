import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** Server-generated secrets and settings shared by every replica (e.g. the JWT signing key). */
export const serverSettings = pgTable("server_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  created: timestamp("created", { withTimezone: true }).notNull().defaultNow(),
});

/** Fixed-window request counters, shared across replicas (rate limiting). */
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    subject: text("subject").notNull(),
    window_start: timestamp("window_start", { withTimezone: true }).notNull(),
    hits: integer("hits").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.subject, t.window_start] })],
);
