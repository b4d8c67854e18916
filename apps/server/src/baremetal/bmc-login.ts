import { type Database, rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { RedfishClient, RedfishError } from "../redfish/client";
import { firstSystem } from "../redfish/inventory";
import { secretBox } from "../secrets/current";

/**
 * Logs in to a BMC with an auth profile: its credentials are tried in priority
 * order and the first one the BMC accepts (it can read the system) wins.
 */
export async function loginWithProfile(db: Database, bmcUrl: string, profileId: number, signal: AbortSignal) {
  const creds = rowsOf<{ username: string; password: string }>(
    await db.execute(
      sql`SELECT username, password FROM credentials WHERE auth_profile_id = ${profileId} ORDER BY priority, id`,
    ),
  );
  if (!creds.length) throw new Error(`Auth profile ${profileId} has no credentials.`);
  const refused: string[] = [];
  for (const c of creds) {
    const client = new RedfishClient({
      baseUrl: bmcUrl,
      username: c.username,
      password: secretBox().open(c.password),
      signal,
    });
    try {
      await firstSystem(client);
      return client;
    } catch (e) {
      if (e instanceof RedfishError && e.kind === "auth") {
        refused.push(c.username);
        continue;
      }
      throw e;
    }
  }
  throw new Error(
    `${bmcUrl} refused every credential of auth profile ${profileId} (tried ${refused.map((u) => `"${u}"`).join(", ")}).`,
  );
}
