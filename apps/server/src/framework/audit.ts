import type { Database } from "@rackplane/db";
import { sql } from "drizzle-orm";
import type { Binding } from "./binding";
import type { RequestContext } from "./context";
import { ident, list } from "./sql";
import { betweenChunks, ROWS_PER_STATEMENT, unnestSelect } from "./unnest";

export type ChangeAction = "create" | "update" | "delete";

export interface Change {
  id: number;
  pre: Record<string, unknown> | null;
  post: Record<string, unknown> | null;
  /** The workflow transition that made the change, with its parameters. */
  transition?: Record<string, unknown>;
}

const columns = [
  { name: "user_id", type: "integer" },
  { name: "user_name", type: "text" },
  { name: "request_id", type: "text" },
  { name: "action", type: "text" },
  { name: "object_type", type: "text" },
  { name: "object_id", type: "integer" },
  { name: "object_repr", type: "text" },
  { name: "prechange_data", type: "jsonb" },
  { name: "postchange_data", type: "jsonb" },
  { name: "created_by_request", type: "uuid" },
  { name: "updated_by_request", type: "uuid" },
  { name: "transition", type: "jsonb" },
];
const names = list(columns.map((c) => ident(c.name)));

/**
 * Writes the change log of one operation inside its transaction, and queues
 * it for every matching active event forwarding (the outbox) — together, as one
 * statement per `ROWS_PER_STATEMENT` objects: a bulk write of N objects is not N statements.
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
  for (let i = 0; i < changes.length; i += ROWS_PER_STATEMENT) {
    await betweenChunks(i);
    const rows = changes
      .slice(i, i + ROWS_PER_STATEMENT)
      .map((c) => [
        ctx.user?.id ?? null,
        ctx.user?.username ?? "",
        rid,
        action,
        b.resource.key,
        c.id,
        String((c.post ?? c.pre)?.display ?? c.id),
        c.pre,
        c.post,
        rid,
        rid,
        c.transition ?? null,
      ]);
    await tx.execute(sql`
      WITH ins AS (
        INSERT INTO object_changes (${names}) ${unnestSelect(columns, rows)}
        RETURNING id, object_type, action)
      INSERT INTO event_deliveries (forwarding_id, object_change_id)
      SELECT f.id, ins.id FROM ins JOIN event_forwardings f ON f.is_active
        AND (f.object_types = '' OR ins.object_type = ANY (string_to_array(f.object_types, ',')))
        AND (f.actions = '' OR ins.action = ANY (string_to_array(f.actions, ',')))`);
  }
}
