import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./harness";

/**
 * Bulk writes travel as one text array per column (`unnest`), and the change log
 * too: every value must come back exactly as sent, whatever characters it holds.
 */
let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => s?.close());

const awkward = [
  'quote " inside',
  "{braces,and,commas}",
  "back\\slash",
  "NULL",
  "ünïcødé ✓",
  "inner  spaces,\ttab",
  "'single'",
];
const contexts = [
  { a: '"q"', n: [1, null, { deep: "\\" }] },
  { s: "just a string" },
  null,
  {},
  { NULL: null },
  { zero: 0, list: [] },
  { t: true, 'quote"key': "{x}" },
];

describe("bulk values round-trip", () => {
  it("keeps strings, nulls and JSON exactly, in order, with ids matching items", async () => {
    const items = awkward.map((name, i) => ({
      name,
      serial_number: i % 2 ? "" : `SN-${i}`,
      asset_tag: i % 3 ? `tag "${i}"` : null,
      local_context_data: contexts[i],
    }));
    const r = await s.post("/api/dcim/servers/", items);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.map((o: { name: string }) => o.name)).toEqual(awkward);
    for (const [i, created] of (r.body as { id: number }[]).entries()) {
      const got = (await s.get(`/api/dcim/servers/${created.id}/`)).body;
      expect(got).toMatchObject({
        name: awkward[i],
        serial_number: items[i]!.serial_number,
        asset_tag: items[i]!.asset_tag,
        local_context_data: contexts[i],
      });
    }
    const ids = (r.body as { id: number }[]).map((o) => o.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids); // ids ascend in item order
    const log = await s.get(`/api/core/object-changes/?request_id=${r.headers.get("x-request-id")}&limit=100`);
    expect(log.body.count).toBe(items.length);
    const byId = new Map(log.body.results.map((c: { object_id: number }) => [c.object_id, c]));
    for (const [i, id] of ids.entries()) {
      const change = byId.get(id) as {
        object_repr: string;
        postchange_data: { name: string; local_context_data: unknown };
      };
      expect(change.object_repr).toBe(awkward[i]);
      expect(change.postchange_data.name).toBe(awkward[i]);
      expect(change.postchange_data.local_context_data).toEqual(contexts[i]);
    }
  });
});
