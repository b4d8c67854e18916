import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import type { WriteCheck } from "../../framework/binding";
import { ident } from "../../framework/sql";

/** A tree's `parent` may not be the node itself or one of its descendants (any table with `parent_id`). */
export const parentIsNotDescendant =
  (table: string) =>
  async ({ tx, values, existing }: WriteCheck) => {
    const parent = values.parent_id as number | null | undefined;
    if (!existing || parent == null) return undefined;
    const rows = rowsOf<{ id: number }>(
      await tx.execute(sql`
        WITH RECURSIVE up(id, parent_id) AS (
          SELECT id, parent_id FROM ${ident(table)} WHERE id = ${parent}
          UNION SELECT t.id, t.parent_id FROM ${ident(table)} t JOIN up ON t.id = up.parent_id
        ) SELECT id FROM up WHERE id = ${existing.id}`),
    );
    return rows.length ? { parent: ["An object cannot be nested under itself or one of its descendants."] } : undefined;
  };
