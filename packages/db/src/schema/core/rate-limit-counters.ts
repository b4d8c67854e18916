import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

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
