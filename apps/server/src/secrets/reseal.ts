import { type Database, rowsOf } from "@rackplane/db";
import { getTableColumns, getTableName, sql } from "drizzle-orm";
import { SecretBox } from "./box";
import { SEALED_COLUMNS, type SealedColumn } from "./sealed-columns";

const BATCH = 500;

/**
 * Seals stored values again with the current key. `legacyOnly`: only the plain text
 * left in `legacyPlaintext` columns (run on every start; a no-op once done); otherwise
 * every value not sealed with the current key (after a rotation, so old keys can go).
 * Each batch is one UPDATE that changes a row only if it still holds the value read,
 * so replicas doing this at once, or a concurrent write, never lose a secret.
 * Returns how many values were sealed.
 */
export async function resealSecrets(db: Database, box: SecretBox, o: { legacyOnly: boolean }): Promise<number> {
  let sealed = 0;
  for (const c of SEALED_COLUMNS as readonly SealedColumn[]) {
    if (o.legacyOnly && !c.legacyPlaintext) continue;
    const table = sql.identifier(getTableName(c.table));
    const col = sql.identifier(getTableColumns(c.table)[c.column]!.name);
    let after = 0;
    for (;;) {
      const rows = rowsOf<{ id: number; v: string }>(
        await db.execute(
          sql`SELECT id, ${col} AS v FROM ${table}
              WHERE id > ${after} AND ${col} IS NOT NULL AND ${col} NOT LIKE ${`v2:${box.currentKeyId}:%`}
                ${o.legacyOnly ? sql`AND ${col} NOT LIKE 'v2:%' AND ${col} NOT LIKE 'v1:%'` : sql``}
              ORDER BY id LIMIT ${BATCH}`,
        ),
      );
      if (!rows.length) break;
      after = Number(rows[rows.length - 1]!.id);
      const changes = rows.flatMap((r) => {
        const isSealed = SecretBox.isSealed(r.v);
        if (o.legacyOnly && isSealed) return [];
        if (!isSealed && !c.legacyPlaintext) throw new Error(`${getTableName(c.table)} ${r.id}: not a sealed secret.`);
        return [{ id: Number(r.id), old: r.v, next: box.seal(isSealed ? box.open(r.v) : r.v) }];
      });
      if (!changes.length) continue;
      const values = sql.join(
        changes.map((ch) => sql`(${ch.id}::bigint, ${ch.old}::text, ${ch.next}::text)`),
        sql`, `,
      );
      const done = await db.execute(
        sql`UPDATE ${table} t SET ${col} = v.next FROM (VALUES ${values}) AS v(id, old, next)
            WHERE t.id = v.id AND t.${col} = v.old RETURNING t.id`,
      );
      sealed += rowsOf(done).length;
    }
  }
  return sealed;
}
