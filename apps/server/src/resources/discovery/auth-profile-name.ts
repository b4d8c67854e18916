import { BmcProtocol } from "@rackplane/contract";
import { type Database, rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import type { WriteCheck } from "../../framework/binding";
import type { RequestContext } from "../../framework/context";
import { likeEscape } from "../../framework/sql";

/** Names handed out earlier in the same request (a bulk create of several unnamed profiles). */
const handedOut = new WeakMap<RequestContext, Set<string>>();

/**
 * MOJO creates a profile from `{"node_classification", "bmc"}` alone: an omitted
 * name is derived — the classification, else `<BMC> profile` — and made unique
 * with ` (2)`, ` (3)`, … (one statement over the names taken).
 */
export async function deriveProfileName({ tx, values, existing, ctx }: WriteCheck): Promise<Record<string, unknown>> {
  if (typeof values.name === "string" && values.name.trim()) return {};
  if (existing?.name) return { name: existing.name };
  const bmc = String(values.bmc ?? "redfish");
  const base = (
    String(values.node_classification ?? "").trim() || `${BmcProtocol.labels[bmc as "redfish"] ?? bmc} profile`
  ).slice(0, 90);
  const taken = new Set([...(await namesLike(tx, base)), ...(handedOut.get(ctx) ?? [])]);
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base} (${i})`;
  handedOut.set(ctx, new Set([...(handedOut.get(ctx) ?? []), name]));
  return { name };
}

async function namesLike(tx: Database, base: string): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await tx.execute(
      sql`SELECT name FROM auth_profiles WHERE name = ${base} OR name LIKE ${`${likeEscape(base)} (%)`}`,
    ),
  );
  return rows.map((r) => r.name);
}
