import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { standardColumns, standardIndexes } from "../columns";
import { eventForwardings } from "./event-forwardings";
import { objectChanges } from "./object-changes";

/** The outbox: one row per (change, forwarding), written in the change's transaction. */
export const eventDeliveries = pgTable(
  "event_deliveries",
  {
    ...standardColumns,
    forwarding_id: integer("forwarding_id")
      .notNull()
      .references(() => eventForwardings.id, { onDelete: "cascade" }),
    object_change_id: integer("object_change_id")
      .notNull()
      .references(() => objectChanges.id, { onDelete: "cascade" }),
    status: varchar("status", { length: 10 }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    next_attempt_at: timestamp("next_attempt_at", { withTimezone: true, precision: 6, mode: "string" }).defaultNow(),
    /** A worker's claim; a crashed worker's claim expires and the row is picked up again. */
    locked_until: timestamp("locked_until", { withTimezone: true, precision: 6, mode: "string" }),
    last_status_code: integer("last_status_code"),
    last_error: text("last_error").notNull().default(""),
    delivered_at: timestamp("delivered_at", { withTimezone: true, precision: 6, mode: "string" }),
    attempt_log: jsonb("attempt_log").notNull().default(sql`'{"attempts": []}'::jsonb`),
  },
  (t) => [
    ...standardIndexes("event_deliveries", t),
    index("event_deliveries_due_idx").on(t.status, t.next_attempt_at),
    index("event_deliveries_forwarding_idx").on(t.forwarding_id),
    index("event_deliveries_change_idx").on(t.object_change_id),
  ],
);
