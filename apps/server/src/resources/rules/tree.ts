import { rowsOf } from "@rackplane/db";
import { getTableName, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { ident, type Validate } from "../../framework";

/**
 * A tree's `parent` may not be the node itself or one of its descendants (any table with
 * `parent_id`); `noun` names the object in the error.
 */
export const parentIsNotDescendant =
  (table: PgTable, noun = "An object"): Validate =>
  async ({ tx, values, existing }) => {
    const parent = values.parent_id;
    if (!existing || parent == null) return undefined;
    const t = ident(getTableName(table));
    const rows = rowsOf<{ id: number }>(
      await tx.execute(sql`
        WITH RECURSIVE up(id, parent_id) AS (
          SELECT id, parent_id FROM ${t} WHERE id = ${parent}
          UNION SELECT t.id, t.parent_id FROM ${t} t JOIN up ON t.id = up.parent_id
        ) SELECT id FROM up WHERE id = ${existing.id}`),
    );
    return rows.length ? { parent: [`${noun} cannot be nested under itself or one of its descendants.`] } : undefined;
  };
