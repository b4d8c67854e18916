import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { make, startServer, type TestServer } from "./harness";

/**
 * Pool access by group with real users and tokens: a non-superuser sees pools of
 * their groups and the servers in them, plus servers in no pool; everything else
 * is 404 and left out of lists and counts.
 */
describe("pool access by group", () => {
  let s: TestServer;
  let ann: ReturnType<TestServer["as"]>; // group red
  let ben: ReturnType<TestServer["as"]>; // group blue
  const id: Record<string, number> = {};

  beforeAll(async () => {
    s = await startServer();
    const red = await make(s, "/api/users/groups/", { name: "red" });
    const blue = await make(s, "/api/users/groups/", { name: "blue" });
    id.red = red.id;
    id.blue = blue.id;
    const token = async (username: string, group: number) => {
      const u = await make(s, "/api/users/users/", { username, password: `${username}-password`, groups: [group] });
      return `Token ${(await make(s, "/api/users/tokens/", { user: u.id })).key}`;
    };
    ann = s.as(await token("ann", red.id));
    ben = s.as(await token("ben", blue.id));
    for (const [name, group] of [
      ["red-pool", red.id],
      ["blue-pool", blue.id],
      ["admins-pool", null],
    ] as const)
      id[name] = (await make(s, "/api/pools/pools/", { name, group })).id;
    for (const [name, pool] of [
      ["r1", "red-pool"],
      ["r2", "red-pool"],
      ["b1", "blue-pool"],
      ["a1", "admins-pool"],
      ["free1", null],
      ["free2", null],
    ] as const) {
      id[name] = (await make(s, "/api/dcim/servers/", { name, resource_pool: pool && id[pool] })).id;
    }
    for (const srv of ["r1", "b1"])
      await s.database.db.execute(
        sql`INSERT INTO server_processors (server_id, name) VALUES (${id[srv]}, ${`CPU of ${srv}`})`,
      );
  });
  afterAll(() => s?.close());

  const names = (r: { body: { results: { name: string }[] } }) => r.body.results.map((x) => x.name).sort();

  it("lists and counts only the caller's pools and their servers (plus servers in no pool), in SQL", async () => {
    const pools = await ann.get("/api/pools/pools/");
    expect(pools.status).toBe(200);
    expect(pools.body.count).toBe(1);
    expect(names(pools)).toEqual(["red-pool"]);
    expect(pools.body.results[0].group).toMatchObject({ id: id.red, name: "red" });
    expect(names(await ben.get("/api/pools/pools/"))).toEqual(["blue-pool"]);
    expect((await s.get("/api/pools/pools/")).body.count).toBe(3);

    const servers = await ann.get("/api/dcim/servers/?ordering=name&limit=2");
    expect(servers.body.count).toBe(4); // r1, r2, free1, free2: exact although the page holds 2
    expect(servers.body.results.map((x: { name: string }) => x.name)).toEqual(["free1", "free2"]);
    expect(servers.queries).toBeLessThanOrEqual(2);
    expect(names(await ann.get("/api/dcim/servers/?limit=100"))).toEqual(["free1", "free2", "r1", "r2"]);
    expect(names(await ben.get("/api/dcim/servers/?limit=100"))).toEqual(["b1", "free1", "free2"]);
    expect((await ann.get(`/api/dcim/servers/?resource_pool=${id["blue-pool"]}`)).body.count).toBe(0);
    expect((await s.get("/api/dcim/servers/?limit=100")).body.count).toBe(6);
    // Inventory parts follow their server, in the flat list and under the server.
    expect(names(await ann.get("/api/dcim/server-processors/"))).toEqual(["CPU of r1"]);
    expect((await ann.get(`/api/dcim/server-processors/?server=${id.b1}`)).body.count).toBe(0);
  });

  it("answers 404 for another group's pool and servers: details, changes and actions", async () => {
    const blue = id["blue-pool"];
    expect((await ann.get(`/api/pools/pools/${blue}/`)).status).toBe(404);
    expect((await ann.get(`/api/pools/pools/${id["admins-pool"]}/`)).status).toBe(404);
    expect((await ann.patch(`/api/pools/pools/${blue}/`, { description: "mine now" })).status).toBe(404);
    expect((await ann.del(`/api/pools/pools/${blue}/`)).status).toBe(404);
    expect((await ann.post(`/api/pools/pools/${blue}/assign_servers/`, { servers: [id.free1] })).status).toBe(404);
    expect((await ann.post(`/api/pools/pools/${blue}/assign_switches/`, { switches: [1] })).status).toBe(404);
    expect((await ann.post(`/api/pools/pools/${blue}/create_sub_pool/`, { name: "sneaky" })).status).toBe(404);

    expect((await ann.get(`/api/dcim/servers/${id.b1}/`)).status).toBe(404);
    expect((await ann.get(`/api/dcim/servers/${id.a1}/`)).status).toBe(404);
    expect((await ann.patch(`/api/dcim/servers/${id.b1}/`, { name: "taken" })).status).toBe(404);
    expect((await ann.get(`/api/dcim/servers/${id.b1}/processors/`)).status).toBe(404);
    expect((await ann.post(`/api/dcim/servers/${id.b1}/transitions/reserve/`, {})).status).toBe(404);
    expect((await ann.post(`/api/dcim/servers/${id.b1}/power/`, { action: "on" })).status).toBe(404);
    expect((await ann.post(`/api/dcim/servers/${id.b1}/refresh_inventory/`, {})).status).toBe(404);
    // Nothing changed behind the 404s.
    expect((await s.get(`/api/pools/pools/${blue}/`)).body).toMatchObject({ description: "", servers_count: 1 });
    expect((await s.get(`/api/dcim/servers/${id.b1}/`)).body).toMatchObject({ name: "b1", status: { value: "new" } });
    // The owners still see and use them.
    expect((await ben.get(`/api/dcim/servers/${id.b1}/processors/`)).body.count).toBe(1);
    expect((await ben.patch(`/api/pools/pools/${blue}/`, { description: "blue team" })).status).toBe(200);
  });

  it("assigns only servers the caller sees, without naming pools they cannot see", async () => {
    const red = id["red-pool"];
    const hidden = await ann.post(`/api/pools/pools/${red}/assign_servers/`, { servers: [id.free1, id.b1] });
    expect(hidden.status).toBe(400);
    expect(hidden.body.servers.join(" ")).toMatch(new RegExp(`No server matches id ${id.b1}`));
    expect(JSON.stringify(hidden.body)).not.toContain("blue-pool");
    expect((await s.get(`/api/dcim/servers/${id.free1}/`)).body.resource_pool).toBeNull();

    const ok = await ann.post(`/api/pools/pools/${red}/assign_servers/`, { servers: [id.free1] });
    expect(ok.status).toBe(200);
    expect(ok.body.servers_count).toBe(3);
    // free1 is red's now: ben no longer sees it.
    expect((await ben.get(`/api/dcim/servers/${id.free1}/`)).status).toBe(404);

    const out = await ann.post("/api/dcim/servers/remove_from_pool/", { servers: [id.b1] });
    expect(out.status).toBe(400);
    expect((await s.get(`/api/dcim/servers/${id.b1}/`)).body.resource_pool).toMatchObject({ id: id["blue-pool"] });
  });

  it("keeps a non-superuser's new pools in their own groups; sub-pools inherit the group", async () => {
    const foreign = await ann.post("/api/pools/pools/", { name: "ann-in-blue", group: id.blue });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toHaveProperty("group");
    expect((await ann.post("/api/pools/pools/", { name: "ann-nogroup" })).body).toHaveProperty("group");
    const under = await ann.post("/api/pools/pools/", {
      name: "ann-under-blue",
      group: id.red,
      parent: id["blue-pool"],
    });
    expect(under.status).toBe(400);
    expect(under.body).toHaveProperty("parent");
    expect((await s.get("/api/pools/pools/?name__startswith=ann-")).body.count).toBe(0);

    const mine = await ann.post("/api/pools/pools/", { name: "ann-pool", group: id.red });
    expect(mine.status).toBe(201);
    expect((await ann.patch(`/api/pools/pools/${mine.body.id}/`, { group: id.blue })).status).toBe(400);
    const sub = await s.post(`/api/pools/pools/${mine.body.id}/create_sub_pool/`, { name: "ann-sub" });
    expect(sub.status).toBe(201);
    expect(sub.body.group).toMatchObject({ id: id.red });
    expect(names(await ann.get(`/api/pools/pools/?parent=${mine.body.id}`))).toEqual(["ann-sub"]);
    expect((await ben.get(`/api/pools/pools/${sub.body.id}/`)).status).toBe(404);

    // A group that still controls pools cannot be deleted (409 naming the pools).
    const del = await s.del(`/api/users/groups/${id.blue}/`);
    expect(del.status).toBe(409);
    expect(del.body.detail).toMatch(/pools/);
  });

  it("hides jobs on another group's servers; jobs on visible servers and one's own jobs stay visible", async () => {
    const job = async (server: number) => {
      const [row] = rowsOf<{ id: number }>(
        await s.database.db.execute(sql`INSERT INTO jobs (kind, object_type, object_id)
          VALUES ('dcim.servers.power', 'dcim.servers', ${server}) RETURNING id`),
      );
      return row!.id;
    };
    const onBlue = await job(id.b1!);
    const onFree = await job(id.free2!);
    const seen = async (who: typeof ann) =>
      (await who.get("/api/core/jobs/?limit=100")).body.results.map((j: { id: number }) => j.id);
    expect(await seen(ann)).toEqual([onFree]);
    expect((await seen(ben)).sort()).toEqual([onBlue, onFree].sort());
    expect((await seen(s)).length).toBe(2);
    expect((await ann.get(`/api/core/jobs/${onBlue}/`)).status).toBe(404);
    expect((await ann.post(`/api/core/jobs/${onBlue}/cancel/`)).status).toBe(404);
    expect((await s.get(`/api/core/jobs/${onBlue}/`)).body.status.value).toBe("pending");
    expect((await ben.post(`/api/core/jobs/${onBlue}/cancel/`)).body.status.value).toBe("cancelled");
  });

  it("shows anonymous readers (RACKPLANE_ANONYMOUS_READ) no pools and only servers in no pool", async () => {
    const open = await startServer({ RACKPLANE_ANONYMOUS_READ: "1" });
    try {
      const g = await make(open, "/api/users/groups/", { name: "g" });
      const p = await make(open, "/api/pools/pools/", { name: "p", group: g.id });
      await make(open, "/api/dcim/servers/", { name: "pooled", resource_pool: p.id });
      await make(open, "/api/dcim/servers/", { name: "loose" });
      const anon = open.as(null);
      expect((await anon.get("/api/pools/pools/")).body.count).toBe(0);
      expect((await anon.get(`/api/pools/pools/${p.id}/`)).status).toBe(404);
      expect(names(await anon.get("/api/dcim/servers/"))).toEqual(["loose"]);
    } finally {
      await open.close();
    }
  });
});
