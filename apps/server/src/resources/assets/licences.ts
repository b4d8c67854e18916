import { resources } from "@rackplane/contract";
import { rowsOf, schema } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { defineBinding, type WriteCheck } from "../../framework";

/** Licences: how many were bought bounds how many may be assigned (rules/licence-counts.ts). */
export const licences = defineBinding(resources.assets.licences, schema.licences, { validate: [boughtCoversAssigned] });

/** A licence's `number_bought` cannot drop below what is already assigned. */
async function boughtCoversAssigned({ tx, values: v, existing }: WriteCheck) {
  if (!existing) return undefined;
  const [row] = rowsOf<{ used: number }>(
    await tx.execute(
      sql`SELECT coalesce(sum(quantity), 0)::int AS used FROM ${schema.baseObjectLicences} WHERE licence_id = ${existing.id}`,
    ),
  );
  const used = Number(row?.used ?? 0);
  return Number(v.number_bought) < used
    ? { number_bought: [`${used} are assigned; number_bought cannot be less.`] }
    : undefined;
}
