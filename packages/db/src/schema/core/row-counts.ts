import { bigint, bigserial, index, pgTable, text } from "drizzle-orm/pg-core";

/**
 * Exact row counts without scanning the table: statement-level triggers
 * (installed by `rackplane_track_count(table)` and `rackplane_track_values(table, column)`,
 * see migrations 0011 and 0012) append one
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
    /**
     * NULL: the table's total. Otherwise rows per value of a counted column
     * (`table_name` is then `<table>.<column>`, e.g. `servers.status`), so a list
     * filtered by that column alone is counted without a scan too (migration 0012).
     */
    value: text("value"),
  },
  (t) => [index("row_count_deltas_table_idx").on(t.table_name, t.value)],
);
