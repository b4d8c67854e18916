import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import type { WriteCheck } from "../../framework/binding";

/** A mounted device's position must exist in its rack (1..u_height) and needs a rack. */
export async function positionFitsRack({ tx, values }: WriteCheck) {
  const position = values.position as number | null | undefined;
  if (position == null) return undefined;
  const rack = values.rack_id as number | null | undefined;
  if (rack == null) return { position: ["A position needs a rack."] };
  const [row] = rowsOf<{ u: number }>(await tx.execute(sql`SELECT u_height AS u FROM racks WHERE id = ${rack}`));
  if (row && position > Number(row.u))
    return { position: [`Position ${position} is above the rack's ${row.u} units.`] };
  return undefined;
}
