import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  varchar,
} from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { objectChanges } from "./object-changes";

export const eventForwardings = pgTable(
  "event_forwardings",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull().unique(),
    is_active: boolean("is_active").notNull().default(true),
    payload_url: varchar("payload_url", { length: 500 }).notNull(),
    basic_username: varchar("basic_username", { length: 150 }).notNull().default(""),
    /** AES-256-GCM ciphertext (`v1:iv:tag:data`), never the password. */
    basic_password: text("basic_password"),
    max_retries: integer("max_retries").notNull().default(5),
    timeout: doublePrecision("timeout").notNull().default(10),
    object_types: varchar("object_types", { length: 1000 }).notNull().default(""),
    actions: varchar("actions", { length: 30 }).notNull().default(""),
  },
  (t) => [...standardIndexes("event_forwardings", t)],
);

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
