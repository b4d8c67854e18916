import { resources } from "@rackplane/contract";
import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { make, type TestServer } from "./harness";
import { describeResource } from "./resource-suite";

const { core } = resources;

/** Three tags, created through the API: each leaves a change record. */
async function tagChanges(s: TestServer) {
  const tags = [];
  for (const i of [0, 1, 2])
    tags.push(await make(s, "/api/core/tags/", { name: `Changed ${i}`, slug: `changed-${i}` }));
  const changes = await s.get(`/api/core/object-changes/?object_type=core.tags&ordering=id&limit=100`);
  return { tags, changes: changes.body.results as { id: number; object_id: number }[] };
}

describeResource({
  resource: core.eventForwardings,
  // Inactive, so nothing is delivered while the suite runs.
  create: (_, i) => ({
    name: `hook-${i}`,
    is_active: false,
    payload_url: `http://127.0.0.1:9/hook-${i}`,
    object_types: ["dcim.servers", "dcim.racks", "dcim.servers,dcim.racks"][i % 3],
    actions: i === 1 ? "create" : "",
    basic_username: `user${i}`,
    basic_password: `secret-${i}`,
    max_retries: i % 10,
  }),
  update: () => ({ name: "hook-replaced", payload_url: "http://127.0.0.1:9/replaced", is_active: false }),
  patch: { max_retries: 9, timeout: 2.5 },
  invalid: [
    { body: () => ({ name: "x", payload_url: "ftp://x" }), field: "payload_url" },
    { body: () => ({ name: "x", payload_url: "http://x/", actions: "explode" }), field: "actions" },
  ],
  // Forwardings carry credentials and see every change: superusers only write them.
  superuserWrites: true,
});

describeResource({
  resource: core.objectChanges,
  // Change records describe tags: a caller sees them as far as they see the tags.
  fixtures: tagChanges,
  seed: async (_s, fx) => fx.changes.map((c) => c.id),
  seesThrough: ["core.tags"],
});

describeResource({
  resource: core.jobs,
  fixtures: async (s) => (await tagChanges(s)).tags,
  // Rows as the job queue writes them (no action runs against real machines here), each about a tag.
  seed: async (s, tags) => {
    const ids: number[] = [];
    for (const [i, tag] of tags.entries()) {
      const [row] = rowsOf<{ id: number }>(
        await s.database.db.execute(
          sql`INSERT INTO jobs (kind, status, progress, params, result, object_type, object_id)
              VALUES (${`suite.kind-${i}`}, ${i === 1 ? "failed" : "completed"}, ${i * 10},
                      ${JSON.stringify({ tag: tag.id })}::jsonb, ${JSON.stringify({ ok: i })}::jsonb,
                      'core.tags', ${tag.id}) RETURNING id`,
        ),
      );
      ids.push(Number(row!.id));
    }
    return ids;
  },
  seesThrough: ["core.tags"],
});

describeResource({
  resource: core.eventDeliveries,
  fixtures: async (s) => {
    const { changes } = await tagChanges(s);
    const hook = await make(s, "/api/core/event-forwardings/", {
      name: "outbox",
      is_active: false,
      payload_url: "http://127.0.0.1:9/outbox",
    });
    return { changes, hook };
  },
  // Outbox rows as a matching change writes them, already settled (the forwarder never picks them up).
  seed: async (s, fx) => {
    const ids: number[] = [];
    for (const [i, c] of fx.changes.entries()) {
      const [row] = rowsOf<{ id: number }>(
        await s.database.db.execute(
          sql`INSERT INTO event_deliveries (forwarding_id, object_change_id, status, attempts, next_attempt_at, last_status_code)
              VALUES (${fx.hook.id}, ${c.id}, ${i === 1 ? "failed" : "delivered"}, ${i + 1}, NULL, ${200 + i}) RETURNING id`,
        ),
      );
      ids.push(Number(row!.id));
    }
    return ids;
  },
  follows: "object_change",
  seesThrough: ["core.object-changes", "core.tags"],
});
