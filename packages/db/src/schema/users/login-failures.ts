import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Failed sign-ins per subject (`user:<name>`, `addr:<client address>`) in fixed
 * windows, shared across replicas: the login throttle (apps/server/src/auth/login-throttle.ts).
 */
export const loginFailures = pgTable(
  "login_failures",
  {
    subject: text("subject").notNull(),
    window_start: timestamp("window_start", { withTimezone: true }).notNull(),
    failures: integer("failures").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.subject, t.window_start] })],
);
