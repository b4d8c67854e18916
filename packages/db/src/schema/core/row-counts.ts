import { bigint, bigserial, index, pgTable, text } from "drizzle-orm/pg-core";

/**
 * Exact row counts without scanning the table: statement-level triggers
 * (installed by `rackplane_track_count(table)`, see migration 0011) append one
 * delta row per INSERT/DELETE statement, so concurrent writers never wait on a
 * shared counter row; a table's count is `sum(delta)` over its few rows, which
 * the server folds into one row now and then. Transactional: a rolled-back
 * statement's delta rolls back with it, and a reader sees exactly the deltas of
 * the rows its snapshot sees.
 */
export const rowCountDeltas = pgTable(
  "row_count_deltas",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    table_name: text("table_name").notNull(),
    delta: bigint("delta", { mode: "number" }).notNull(),
  },
  (t) => [index("row_count_deltas_table_idx").on(t.table_name)],
);
