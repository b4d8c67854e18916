import { index, integer, type PgColumn, pgTable, primaryKey } from "drizzle-orm/pg-core";

/** One join table of an owner's policies or communities (`ixp_session_communities` …). */
export function joinTable(name: string, owner: () => PgColumn, target: () => PgColumn) {
  return pgTable(
    name,
    {
      owner_id: integer("owner_id").notNull().references(owner, { onDelete: "cascade" }),
      target_id: integer("target_id").notNull().references(target, { onDelete: "cascade" }),
    },
    (t) => [primaryKey({ columns: [t.owner_id, t.target_id] }), index(`${name}_target_idx`).on(t.target_id)],
  );
}
