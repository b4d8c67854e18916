import { type Database, rowsOf, schema } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { anyId, badRequest } from "../../framework";
import { joinTable } from "./join-table";

/**
 * After assignments change: no licence may be assigned more often than it was
 * bought. The licence rows are locked first, so concurrent assignments queue and
 * each sees the others' committed quantities; bulk writes are checked as a whole.
 * Ids go as one array parameter (`anyId`): a bulk write of 100,000 servers has more ids
 * than the 65,535 parameters one PostgreSQL statement may carry.
 */
export async function licencesNotOverAssigned(tx: Database, ids: number[]) {
  const licenceIds = rowsOf<{ id: number }>(
    await tx.execute(sql`SELECT id FROM ${schema.licences} WHERE id IN (
      SELECT licence_id FROM ${schema.baseObjectLicences} WHERE id ${anyId(ids)}) ORDER BY id FOR UPDATE`),
  ).map((r) => Number(r.id));
  if (!licenceIds.length) return;
  const over = rowsOf<{ niw: string; bought: number; used: number }>(
    await tx.execute(sql`SELECT l.niw, l.number_bought AS bought, sum(b.quantity)::int AS used
      FROM ${schema.licences} l JOIN ${schema.baseObjectLicences} b ON b.licence_id = l.id
      WHERE l.id ${anyId(licenceIds)}
      GROUP BY l.id, l.niw, l.number_bought HAVING sum(b.quantity) > l.number_bought`),
  );
  if (over.length) {
    throw badRequest({
      quantity: over.map(
        (o) =>
          `Licence ${o.niw}: ${o.used} assigned but only ${o.bought} bought (${Number(o.used) - Number(o.bought)} too many).`,
      ),
    });
  }
}

/** The same rule when assets' `licences` lists are written (servers). */
export async function objectLicencesNotOverAssigned(tx: Database, objectIds: number[]) {
  const rows = rowsOf<{ id: number }>(
    await tx.execute(sql`SELECT id FROM ${schema.baseObjectLicences} WHERE base_object_id ${anyId(objectIds)}`),
  );
  if (rows.length)
    await licencesNotOverAssigned(
      tx,
      rows.map((r) => Number(r.id)),
    );
}

/**
 * An asset's `licences` many-to-many, stored in `base_object_licences` (quantity 1
 * each), for asset resources that declare `licences` (servers).
 */
export const licencesOfAsset = joinTable(schema.baseObjectLicences, "base_object_id", "licence_id");
