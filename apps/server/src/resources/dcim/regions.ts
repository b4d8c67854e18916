import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import type { WriteCheck } from "../../framework/binding";

/** A region cannot be its own ancestor: the tree stays a tree. */
export async function regionParentIsNotDescendant({ tx, values, existing }: WriteCheck) {
  const parent = values.parent_id as number | null | undefined;
  if (!existing || parent == null) return undefined;
  const rows = rowsOf<{ id: number }>(
    await tx.execute(sql`
      WITH RECURSIVE up(id, parent_id) AS (
        SELECT id, parent_id FROM regions WHERE id = ${parent}
        UNION SELECT r.id, r.parent_id FROM regions r JOIN up ON r.id = up.parent_id
      ) SELECT id FROM up WHERE id = ${existing.id}`),
  );
  return rows.length ? { parent: ["A region cannot be nested under itself or one of its descendants."] } : undefined;
}
