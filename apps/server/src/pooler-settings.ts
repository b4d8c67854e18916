import { type Database, rowsOf, sessionSettings } from "@rackplane/db";
import { sql } from "drizzle-orm";
import type { Logger } from "./logger";

/**
 * Behind a transaction-pooling PgBouncer the server cannot set `jit` and
 * `statement_timeout` per connection (PgBouncer refuses startup parameters), so they
 * must come from the role or database (`ALTER ROLE rackplane SET jit = off`). Says so,
 * with the statement to run, when what a pooled connection has differs from what the
 * server would have set; the server still starts (the settings cost speed and the
 * timeout's protection, not correctness).
 */
export async function warnOfPoolerSettings(db: Database, statementTimeoutMs: number, log: Logger): Promise<string[]> {
  const want = sessionSettings(statementTimeoutMs);
  const [have] = rowsOf<Record<string, string>>(
    await db.execute(
      sql`SELECT current_setting('jit') AS jit, (SELECT setting FROM pg_settings WHERE name = 'statement_timeout') AS statement_timeout`,
    ),
  );
  const wrong = Object.entries(want).filter(([k, v]) => have?.[k] !== v);
  for (const [k, v] of wrong)
    log.warn(
      { setting: k, expected: v, actual: have?.[k] },
      `RACKPLANE_DB_POOLER: connections through the pooler have ${k} = ${have?.[k]}; run ALTER ROLE CURRENT_USER SET ${k} = '${v}' (or set it in the pooler's connect_query)`,
    );
  return wrong.map(([k]) => k);
}
