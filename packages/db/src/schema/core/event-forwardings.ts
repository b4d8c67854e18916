import { boolean, doublePrecision, integer, pgTable, text, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";

/** Webhooks: where changes of the selected object types are POSTed (deliveries in `event_deliveries`). */
export const eventForwardings = pgTable(
  "event_forwardings",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull().unique(),
    is_active: boolean("is_active").notNull().default(true),
    payload_url: varchar("payload_url", { length: 500 }).notNull(),
    basic_username: varchar("basic_username", { length: 150 }).notNull().default(""),
    /** Sealed by the secrets module (AES-256-GCM, `v2:<key id>:…`), never the password. */
    basic_password: text("basic_password"),
    max_retries: integer("max_retries").notNull().default(5),
    timeout: doublePrecision("timeout").notNull().default(10),
    object_types: varchar("object_types", { length: 1000 }).notNull().default(""),
    actions: varchar("actions", { length: 30 }).notNull().default(""),
  },
  (t) => [...standardIndexes("event_forwardings", t)],
);
