import type { Database } from "@rackplane/db";
import { sql } from "drizzle-orm";
import type { Binding } from "./binding";
import type { RequestContext } from "./context";
import { list } from "./sql";

export type ChangeAction = "create" | "update" | "delete";

export interface Change {
  id: number;
  pre: Record<string, unknown> | null;
  post: Record<string, unknown> | null;
}

/** Rows per statement: 9 parameters each stays far below PostgreSQL's 65535. */
const CHUNK = 2000;
const json = (v: unknown) => (v === null ? sql`NULL` : sql`${JSON.stringify(v)}::jsonb`);

/**
 * Writes the change log of one operation inside its transaction, and queues
 * it for every matching active event forwarding (the outbox) — together, as one
 * statement per 2000 objects: a bulk write of N objects is not N statements.
 * A rolled-back request leaves neither a record nor a delivery.
 */
export async function recordChanges(
  tx: Database,
  b: Binding,
  ctx: RequestContext,
  action: ChangeAction,
  changes: Change[],
): Promise<void> {
  const rid = ctx.requestId || null;
  for (let i = 0; i < changes.length; i += CHUNK) {
    const rows = changes.slice(i, i + CHUNK).map(
      (c) =>
        sql`(${ctx.user?.id ?? null}::int, ${ctx.user?.username ?? ""}, ${rid}, ${action}, ${b.resource.key}, ${c.id}::int,
             ${String((c.post ?? c.pre)?.display ?? c.id)}, ${json(c.pre)}, ${json(c.post)}, ${rid}::uuid, ${rid}::uuid)`,
    );
    await tx.execute(sql`
      WITH ins AS (
        INSERT INTO object_changes (user_id, user_name, request_id, action, object_type, object_id, object_repr,
                                    prechange_data, postchange_data, created_by_request, updated_by_request)
        VALUES ${list(rows)}
        RETURNING id, object_type, action)
      INSERT INTO event_deliveries (forwarding_id, object_change_id)
      SELECT f.id, ins.id FROM ins JOIN event_forwardings f ON f.is_active
        AND (f.object_types = '' OR ins.object_type = ANY (string_to_array(f.object_types, ',')))
        AND (f.actions = '' OR ins.action = ANY (string_to_array(f.actions, ',')))`);
  }
}
