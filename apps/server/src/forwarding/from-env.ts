import { resources } from "@rackplane/contract";
import type { Database } from "@rackplane/db";
import { sql } from "drizzle-orm";
import type { SecretBox } from "../secrets/box";
import { derivedName } from "./derived-name";

/**
 * `RACKPLANE_FORWARDINGS`: a JSON list of forwardings (same fields as the API)
 * upserted by name on start, so a deployment can declare its receivers. Bad
 * entries stop the start with the field errors.
 */
export async function forwardingsFromEnv(db: Database, box: SecretBox, raw: string | undefined) {
  if (!raw?.trim()) return 0;
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch (err) {
    throw new Error(`RACKPLANE_FORWARDINGS is not JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(list)) throw new Error("RACKPLANE_FORWARDINGS must be a JSON list of objects");
  // The API's create schema: it takes `url` for `payload_url` too (the contract's write alias).
  const schema = resources.core.eventForwardings.schemas.Create;
  const names = new Set<string>();
  for (const [i, item] of list.entries()) {
    const r = schema.safeParse(item ?? {});
    if (!r.success) {
      const errs = r.error.issues.map((x) => `${x.path.join(".") || "item"}: ${x.message}`).join("; ");
      throw new Error(`RACKPLANE_FORWARDINGS[${i}]: ${errs}`);
    }
    const f: Record<string, unknown> = { ...r.data };
    // Ralph LRS's entries have no name (its six keys): named after their URL, unique within the list
    // (not against the table: the same list upserts the same rows on every start).
    if (!f.name) f.name = derivedName(String(f.payload_url), (n) => names.has(n));
    names.add(String(f.name));
    const pw = typeof f.basic_password === "string" ? box.seal(f.basic_password) : null;
    await db.execute(sql`
      INSERT INTO event_forwardings (name, is_active, payload_url, basic_username, basic_password, max_retries, timeout,
                                     object_types, actions, comments)
      VALUES (${f.name}, ${f.is_active ?? true}, ${f.payload_url}, ${f.basic_username ?? ""}, ${pw}, ${f.max_retries ?? 5},
              ${f.timeout ?? 10}, ${f.object_types ?? ""}, ${f.actions ?? ""}, ${f.comments ?? "From RACKPLANE_FORWARDINGS."})
      ON CONFLICT (name) DO UPDATE SET is_active = excluded.is_active, payload_url = excluded.payload_url,
        basic_username = excluded.basic_username, basic_password = excluded.basic_password,
        max_retries = excluded.max_retries, timeout = excluded.timeout, object_types = excluded.object_types,
        actions = excluded.actions, updated = now()`);
  }
  return list.length;
}
