import { type Database, rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import type { WriteCheck } from "../../framework/binding";
import { badRequest } from "../../framework/errors";
import { values } from "../../framework/sql";

/**
 * After assignments change: no licence may be assigned more often than it was
 * bought. The licence rows are locked first, so concurrent assignments queue and
 * each sees the others' committed quantities; bulk writes are checked as a whole.
 */
export async function licencesNotOverAssigned(tx: Database, ids: number[]) {
  const licenceIds = rowsOf<{ id: number }>(
    await tx.execute(sql`SELECT id FROM licences WHERE id IN (
      SELECT licence_id FROM base_object_licences WHERE id IN (${values(ids)})) ORDER BY id FOR UPDATE`),
  ).map((r) => Number(r.id));
  if (!licenceIds.length) return;
  const over = rowsOf<{ niw: string; bought: number; used: number }>(
    await tx.execute(sql`SELECT l.niw, l.number_bought AS bought, sum(b.quantity)::int AS used
      FROM licences l JOIN base_object_licences b ON b.licence_id = l.id
      WHERE l.id IN (${values(licenceIds)})
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

/** A licence's `number_bought` cannot drop below what is already assigned. */
export async function boughtCoversAssigned({ tx, values: v, existing }: WriteCheck) {
  if (!existing) return undefined;
  const [row] = rowsOf<{ used: number }>(
    await tx.execute(
      sql`SELECT coalesce(sum(quantity), 0)::int AS used FROM base_object_licences WHERE licence_id = ${existing.id}`,
    ),
  );
  const used = Number(row?.used ?? 0);
  return Number(v.number_bought) < used
    ? { number_bought: [`${used} are assigned; number_bought cannot be less.`] }
    : undefined;
}

/** A certificate is valid from before it is valid to. */
export function datesInOrder({ values: v }: WriteCheck) {
  if (v.date_from && v.date_to && String(v.date_from) > String(v.date_to))
    return { date_to: ["Must not be before date_from."] };
  return undefined;
}

/** The same rule when assets' `licences` lists are written (servers). */
export async function objectLicencesNotOverAssigned(tx: Database, objectIds: number[]) {
  const rows = rowsOf<{ id: number }>(
    await tx.execute(sql`SELECT id FROM base_object_licences WHERE base_object_id IN (${values(objectIds)})`),
  );
  if (rows.length)
    await licencesNotOverAssigned(
      tx,
      rows.map((r) => Number(r.id)),
    );
}

/**
 * An asset's `licences` many-to-many, stored in `base_object_licences` (quantity 1
 * each); spread into the binding of an asset resource that declares `licences`.
 */
export const assetLicences = {
  joinTables: {
    licences: { table: "base_object_licences", ownerColumn: "base_object_id", targetColumn: "licence_id" },
  },
  afterWrite: objectLicencesNotOverAssigned,
};

/**
 * Locks the licence before the assignment row is written: inserting takes a
 * key-share lock on the licence (foreign key), so locking it only afterwards
 * would deadlock two concurrent assignments.
 */
export async function lockLicence({ tx, values: v }: WriteCheck) {
  if (v.licence_id != null) await tx.execute(sql`SELECT id FROM licences WHERE id = ${v.licence_id} FOR UPDATE`);
  return undefined;
}
