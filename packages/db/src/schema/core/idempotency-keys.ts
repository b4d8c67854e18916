import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * `Idempotency-Key` records (Stripe semantics), shared by every replica: the first
 * request with a key claims its row (status NULL while it runs), its response is
 * stored when it finishes, and a repeat with the same key and the same request gets
 * that response back. Keys are per caller (`subject`) and expire after 24 hours.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    subject: text("subject").notNull(),
    key: text("key").notNull(),
    /** SHA-256 of method, path and the canonical JSON body. */
    request_hash: text("request_hash").notNull(),
    /** NULL while the first request runs. */
    status: integer("status"),
    headers: jsonb("headers"),
    body: text("body"),
    created: timestamp("created", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.subject, t.key] }), index("idempotency_keys_created_idx").on(t.created)],
);
