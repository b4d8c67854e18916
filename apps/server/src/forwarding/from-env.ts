import { resources } from "@rackplane/contract";
import type { Database } from "@rackplane/db";
import { sql } from "drizzle-orm";
import type { SecretBox } from "../secrets/box";

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
  const schema = resources.core.eventForwardings.schemas.Create;
  for (const [i, item] of list.entries()) {
    // `url` is accepted for `payload_url` (the API field cannot be `url`: that is every object's own address).
    const { url, ...rest } = (item ?? {}) as Record<string, unknown>;
    const fields = url === undefined ? rest : { payload_url: url, ...rest };
    // Ralph LRS's entries have no name (its six keys): named after their URL, unique within the list.
    if (fields.name === undefined && typeof fields.payload_url === "string")
      fields.name = nameOf(fields.payload_url, i, list);
    const r = schema.safeParse(fields);
    if (!r.success) {
      const errs = r.error.issues.map((x) => `${x.path.join(".") || "item"}: ${x.message}`).join("; ");
      throw new Error(`RACKPLANE_FORWARDINGS[${i}]: ${errs}`);
    }
    const f = r.data as Record<string, unknown>;
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

/** `lrs1.example.com/xAPI/statements`, or with `#2`… when two entries share a URL. */
function nameOf(url: string, i: number, list: unknown[]): string {
  const bare = url
    .replace(/^https?:\/\//, "")
    .replace(/\/+$/, "")
    .slice(0, 90);
  const same = list
    .slice(0, i)
    .filter(
      (x) =>
        typeof x === "object" &&
        x !== null &&
        ((x as { url?: unknown }).url ?? (x as { payload_url?: unknown }).payload_url) === url &&
        (x as { name?: unknown }).name === undefined,
    ).length;
  return same ? `${bare} #${same + 1}` : bare;
}
