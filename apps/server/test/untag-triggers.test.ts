import { rowsOf } from "@rackplane/db";
import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allBindings } from "../src/framework/registry";
import { type DcimFixtures, dcimFixtures } from "./fixtures";
import { make, startServer, type TestServer } from "./harness";

/**
 * No `tagged_items` row outlives its object, however the object goes (migration 0020): the
 * count of one `?tag=` is those rows alone (counts.ts), so an orphan would be counted. Every
 * resource with tags, as the contract declares them, has the triggers — a new taggable
 * resource without them fails here.
 */
let s: TestServer;
let fx: DcimFixtures;
const rows = async <T = Record<string, unknown>>(q: SQL) => rowsOf<T>(await s.database.db.execute(q));
const tagRows = async (type: string, id: number) =>
  (
    await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM tagged_items WHERE object_type = ${type} AND object_id = ${id}`,
    )
  )[0]!.n;

beforeAll(async () => {
  s = await startServer(); // binds every resource, migrates a fresh database
  fx = await dcimFixtures(s);
});
afterAll(async () => {
  await s?.close();
});

describe("untag triggers", () => {
  it("every tagged resource's table untags its deleted and truncated rows", async () => {
    const expected = allBindings()
      .filter((b) => "tags" in b.resource.fields)
      .flatMap((b) => ["DELETE", "TRUNCATE"].map((on) => `${b.tableName} ${on} ${b.resource.key}`));
    expect(expected).toContain("servers DELETE dcim.servers");
    expect(expected).toContain("accessories TRUNCATE dcim.accessories");
    const defs = await rows<{ def: string }>(sql`SELECT pg_get_triggerdef(tg.oid) AS def FROM pg_trigger tg
      JOIN pg_proc p ON p.oid = tg.tgfoid WHERE p.proname = 'rackplane_untag' AND tg.tgenabled <> 'D'`);
    const present = new Set(
      defs.map((d) => {
        const m = /AFTER (DELETE|TRUNCATE) ON (?:public\.)?"?(\w+)"? .*rackplane_untag\('([^']+)'\)/.exec(d.def);
        return m ? `${m[2]} ${m[1]} ${m[3]}` : d.def;
      }),
    );
    const missing = expected.filter((k) => !present.has(k));
    expect(missing, "tagged tables without untag triggers: call rackplane_untag_on in a migration").toEqual([]);
  });

  it("a delete in plain SQL takes the object's tags and only those", async () => {
    const other = await make(s, "/api/core/tags/", { name: "Other", slug: "other" });
    const tags = [fx.tag.id, other.id];
    const [gone, kept] = await Promise.all(
      ["untag-gone", "untag-kept"].map((name) => make(s, "/api/dcim/servers/", { name, tags })),
    );
    expect((await s.patch(`/api/dcim/racks/${fx.rack.id}/`, { tags })).status).toBe(200);
    expect(await tagRows("dcim.servers", gone.id)).toBe(2);
    await s.database.db.execute(sql`DELETE FROM servers WHERE id = ${gone.id}`);
    expect(await tagRows("dcim.servers", gone.id)).toBe(0);
    expect(await tagRows("dcim.servers", kept.id)).toBe(2);
    expect(await tagRows("dcim.racks", fx.rack.id)).toBe(2);
  });

  it("so does a parent's ON DELETE CASCADE, and a TRUNCATE", async () => {
    const tags = [fx.tag.id];
    const rack = await make(s, "/api/dcim/racks/", { name: "Cascading", server_room: fx.room.id, u_height: 42, tags });
    const acc = await make(s, "/api/dcim/accessories/", { name: "Shelf", rack: rack.id, tags });
    const left = await make(s, "/api/dcim/accessories/", { name: "Shelf 2", rack: fx.rack.id, tags });
    expect(await tagRows("dcim.accessories", acc.id)).toBe(1);
    await s.database.db.execute(sql`DELETE FROM racks WHERE id = ${rack.id}`);
    expect(await rows(sql`SELECT id FROM accessories WHERE id = ${acc.id}`)).toEqual([]);
    expect(await tagRows("dcim.accessories", acc.id)).toBe(0);
    expect(await tagRows("dcim.racks", rack.id)).toBe(0);
    expect(await tagRows("dcim.accessories", left.id)).toBe(1);
    await s.database.db.execute(sql`TRUNCATE accessories`);
    expect(await tagRows("dcim.accessories", left.id)).toBe(0);
    expect(await tagRows("dcim.racks", fx.rack.id)).toBeGreaterThan(0);
  });

  it("the migration's helper removes the orphans left before it", async () => {
    const kept = await make(s, "/api/dcim/servers/", { name: "orphan-neighbour", tags: [fx.tag.id] });
    // An orphan as a cascade left it before the triggers existed.
    await s.database.db.execute(
      sql`INSERT INTO tagged_items (tag_id, object_type, object_id) VALUES (${fx.tag.id}, 'dcim.servers', 2000000000)`,
    );
    await s.database.db.execute(sql`SELECT rackplane_untag_on('servers', 'dcim.servers')`);
    expect(await tagRows("dcim.servers", 2000000000)).toBe(0);
    expect(await tagRows("dcim.servers", kept.id)).toBe(1);
  });
});
