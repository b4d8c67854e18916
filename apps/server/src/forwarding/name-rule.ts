import type { Database } from "@rackplane/db";
import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import type { Derive } from "../framework";
import { derivedName } from "./derived-name";

/** Names given in each write transaction so far: a bulk create's items are inserted only after every one is derived. */
const givenIn = new WeakMap<Database, Set<string>>();

/**
 * A forwarding created or replaced without a name (or with a blank one) is named
 * after its `payload_url` as `RACKPLANE_FORWARDINGS` names its entries, ` #2`…
 * when another forwarding (or an earlier item of the same bulk write) has the name.
 */
export const forwardingName: Derive = async ({ tx, values, existing }) => {
  if (typeof values.name === "string" && values.name.trim()) return {};
  if (typeof values.payload_url !== "string") return {}; // the field errors refuse the write
  const bare = derivedName(values.payload_url, () => false);
  const rows = rowsOf<{ name: string }>(
    await tx.execute(sql`
      SELECT name FROM event_forwardings
      WHERE (name = ${bare} OR left(name, ${bare.length + 2}) = ${`${bare} #`})
        AND id IS DISTINCT FROM ${existing?.id ?? null}`),
  );
  const given = givenIn.get(tx) ?? new Set<string>();
  givenIn.set(tx, given);
  const taken = new Set([...rows.map((r) => r.name), ...given]);
  const name = derivedName(values.payload_url, (n) => taken.has(n));
  given.add(name);
  return { name };
};
