import { BmcProtocol, resources } from "@rackplane/contract";
import { type Database, rowsOf, schema } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { defineBinding, likeEscape, type RequestContext, type WriteCheck } from "../../framework";
import { credentials } from "./credentials";

/**
 * Auth profiles. `/api/discovery/auth-profiles/<id>/credentials/` is the profile's
 * credentials as a sub-resource (list and add): both go through the credentials
 * binding, so the password is sealed and never read back exactly as on
 * `/api/discovery/credentials/`. An unknown profile is a 404.
 */
export const authProfiles = defineBinding(resources.discovery.authProfiles, schema.authProfiles, {
  derive: [deriveProfileName],
  actions: ({ svc, binding }) => ({
    credentials: async ({ params: { id }, query, ctx }) => {
      await svc.retrieve(binding, id, ctx, true);
      return { status: 200, body: await svc.list(credentials, { ...query, auth_profile: [id] }, ctx) };
    },
    addCredential: async ({ params: { id }, body, ctx }) => {
      await svc.retrieve(binding, id, ctx, true);
      const [created] = await svc.create(credentials, [{ ...body, auth_profile: id }], ctx, false);
      return { status: 201, body: created };
    },
  }),
});

/** Names handed out earlier in the same request (a bulk create of several unnamed profiles). */
const handedOut = new WeakMap<RequestContext, Set<string>>();

/**
 * MOJO creates a profile from `{"node_classification", "bmc"}` alone: an omitted
 * name is derived — the classification, else `<BMC> profile` — and made unique
 * with ` (2)`, ` (3)`, … (one statement over the names taken).
 */
async function deriveProfileName({ tx, values, existing, ctx }: WriteCheck): Promise<Record<string, unknown>> {
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
      sql`SELECT name FROM ${schema.authProfiles} WHERE name = ${base} OR name LIKE ${`${likeEscape(base)} (%)`}`,
    ),
  );
  return rows.map((r) => r.name);
}
