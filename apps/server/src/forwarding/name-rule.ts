import type { Database } from "@rackplane/db";
import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import type { Derive } from "../framework";
import { derivedName } from "./derived-name";

/**
 * Per write transaction: every forwarding's name and id, read once (forwardings are a
 * short list of endpoints, and a bulk write of many unnamed items must not read once per
 * item), plus the names given to its earlier items (inserted only after every one is derived).
 */
const namesIn = new WeakMap<Database, { stored: Map<string, number>; given: Set<string> }>();

/**
 * A forwarding created or replaced without a name (or with a blank one) is named
 * after its `payload_url` as `RACKPLANE_FORWARDINGS` names its entries, ` #2`…
 * when another forwarding (or an earlier item of the same bulk write) has the name.
 */
export const forwardingName: Derive = async ({ tx, values, existing }) => {
  if (typeof values.name === "string" && values.name.trim()) return {};
  if (typeof values.payload_url !== "string") return {}; // the field errors refuse the write
  let names = namesIn.get(tx);
  if (!names) {
    const rows = rowsOf<{ id: number; name: string }>(await tx.execute(sql`SELECT id, name FROM event_forwardings`));
    names = { stored: new Map(rows.map((r) => [r.name, Number(r.id)])), given: new Set() };
    namesIn.set(tx, names);
  }
  const { stored, given } = names;
  // A replaced forwarding may keep the name it has.
  const self = existing ? Number(existing.id) : undefined;
  const taken = (n: string) => given.has(n) || (stored.has(n) && stored.get(n) !== self);
  const name = derivedName(values.payload_url, taken);
  given.add(name);
  return { name };
};
