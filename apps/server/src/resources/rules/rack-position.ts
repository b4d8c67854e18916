import { schema } from "@rackplane/db";
import { eq } from "drizzle-orm";
import type { WriteCheck } from "../../framework";

/** A mounted device's position must exist in its rack (1..u_height) and needs a rack. */
export async function positionFitsRack({ tx, values }: WriteCheck) {
  const position = values.position;
  if (position == null) return undefined;
  const rack = values.rack_id;
  if (rack == null) return { position: ["A position needs a rack."] };
  const [row] = await tx
    .select({ u: schema.racks.u_height })
    .from(schema.racks)
    .where(eq(schema.racks.id, Number(rack)));
  if (row && Number(position) > Number(row.u))
    return { position: [`Position ${position} is above the rack's ${row.u} units.`] };
  return undefined;
}
