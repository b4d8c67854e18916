import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { defineBinding, type WriteCheck } from "../../framework";
import { licencesNotOverAssigned } from "../rules/licence-counts";

/** An assignment is about its asset: it is seen (and written) only by who sees the asset. */
export const baseObjectLicences = defineBinding(resources.assets.baseObjectLicences, schema.baseObjectLicences, {
  access: { follows: "base_object" },
  validate: [lockLicence],
  afterWrite: [licencesNotOverAssigned],
});

/**
 * Locks the licence before the assignment row is written: inserting takes a
 * key-share lock on the licence (foreign key), so locking it only afterwards
 * would deadlock two concurrent assignments.
 */
async function lockLicence({ tx, values: v }: WriteCheck) {
  if (v.licence_id != null)
    await tx.execute(sql`SELECT id FROM ${schema.licences} WHERE id = ${v.licence_id} FOR UPDATE`);
  return undefined;
}
