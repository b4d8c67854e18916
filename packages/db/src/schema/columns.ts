import { sql } from "drizzle-orm";
import { index, serial, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Columns every resource table has. Spread into each table so `id`, timestamps,
 * the request ids behind `created_by_request`/`updated_by_request`, and `comments`
 * are declared once.
 */
export const standardColumns = {
  id: serial("id").primaryKey(),
  created: timestamp("created", { withTimezone: true, precision: 6 }).notNull().defaultNow(),
  updated: timestamp("updated", { withTimezone: true, precision: 6 })
    .notNull()
    .defaultNow()
    .$onUpdate(() => sql`now()`),
  created_by_request: uuid("created_by_request"),
  updated_by_request: uuid("updated_by_request"),
};

export const commentsColumn = { comments: text("comments").notNull().default("") };

/** Indexes every resource table gets: ordering by creation, lookups by request id. */
export function standardIndexes(table: string, t: { created: never } | any) {
  return [
    index(`${table}_created_idx`).on(t.created),
    index(`${table}_created_by_request_idx`).on(t.created_by_request),
    index(`${table}_updated_by_request_idx`).on(t.updated_by_request),
  ];
}
