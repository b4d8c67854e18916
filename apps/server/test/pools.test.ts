import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { make, startServer, type TestServer } from "./harness";

describe("resource pools", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(() => s?.close());

  it("assigns servers and switches, counts them, refuses servers of another pool by name, and protects non-empty pools", async () => {
    const a = await make(s, "/api/pools/pools/", { name: "team-a" });
    const b = await make(s, "/api/pools/pools/", { name: "team-b" });
    const servers = await Promise.all([1, 2, 3].map((i) => make(s, "/api/dcim/servers/", { name: `srv-${i}` })));
    const sw = await make(s, "/api/dcim/switches/", { name: "sw-1" });

    const assigned = await s.post(`/api/pools/pools/${a.id}/assign_servers/`, {
      servers: [servers[0].id, servers[1].id],
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ id: a.id, servers_count: 2, switches_count: 0 });
    const sws = await s.post(`/api/pools/pools/${a.id}/assign_switches/`, { switches: [sw.id] });
    expect(sws.body.switches_count).toBe(1);
    expect((await s.get(`/api/dcim/servers/?resource_pool=${a.id}`)).body.count).toBe(2);
    expect((await s.get(`/api/dcim/servers/${servers[0].id}/`)).body.resource_pool).toMatchObject({
      id: a.id,
      name: "team-a",
    });

    // Another pool may not take them; the error names the pool holding them. Nothing is written.
    const refused = await s.post(`/api/pools/pools/${b.id}/assign_servers/`, {
      servers: [servers[2].id, servers[0].id],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.servers[0]).toMatch(/srv-1.*already in pool "team-a"/);
    expect((await s.get(`/api/pools/pools/${b.id}/`)).body.servers_count).toBe(0);

    // Naming nothing assigns nothing: the pool as it is, for both spellings of "none".
    for (const none of [{}, { servers: [], nodes: [] }]) {
      const empty = await s.post(`/api/pools/pools/${b.id}/assign_servers/`, none);
      expect(empty.status).toBe(200);
      expect(empty.body).toMatchObject({ id: b.id, servers_count: 0 });
    }
    expect((await s.post("/api/pools/pools/999999/assign_servers/", {})).status).toBe(404);
    const unknown = await s.post(`/api/pools/pools/${b.id}/assign_servers/`, { servers: [999999] });
    expect(unknown.status).toBe(400);
    expect((await s.post("/api/pools/pools/999999/assign_servers/", { servers: [servers[2].id] })).status).toBe(404);

    // Deleting a pool that holds servers is a conflict.
    expect((await s.del(`/api/pools/pools/${a.id}/`)).status).toBe(409);
    const removed = await s.post("/api/dcim/servers/remove_from_pool/", {
      servers: [servers[0].id, servers[1].id, servers[2].id],
    });
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ removed: 2 });
    expect((await s.get(`/api/pools/pools/${a.id}/`)).body.servers_count).toBe(0);
    const bad = await s.post("/api/dcim/servers/remove_from_pool/", { servers: [999999] });
    expect(bad.status).toBe(400);
    expect(bad.body).toHaveProperty("servers");
  });

  it("creates sub-pools under a pool; a pool with sub-pools cannot be deleted", async () => {
    const parent = await make(s, "/api/pools/pools/", { name: "parent" });
    const sub = await s.post(`/api/pools/pools/${parent.id}/create_sub_pool/`, { name: "child", description: "GPU" });
    expect(sub.status).toBe(201);
    expect(sub.body).toMatchObject({ name: "child", description: "GPU", parent: { id: parent.id } });
    const detail = (await s.get(`/api/pools/pools/${parent.id}/`)).body;
    expect(detail.sub_pools_count).toBe(1);
    // MOJO's `sub_pools`: the children nested in the pool, and filterable like a relation.
    expect(detail.sub_pools).toEqual([expect.objectContaining({ id: sub.body.id, name: "child" })]);
    expect(detail.sub_pools[0].url).toMatch(new RegExp(`/api/pools/pools/${sub.body.id}/$`));
    expect(
      (await s.get(`/api/pools/pools/?sub_pools=${sub.body.id}`)).body.results.map((p: { id: number }) => p.id),
    ).toEqual([parent.id]);
    expect((await s.get(`/api/pools/pools/${sub.body.id}/`)).body.sub_pools).toEqual([]);
    // Read-only: a write that sends it changes nothing (children move by their own `parent`).
    const patched = await s.patch(`/api/pools/pools/${parent.id}/`, { sub_pools: [] });
    expect(patched.status).toBe(200);
    expect(patched.body.sub_pools.map((p: { id: number }) => p.id)).toEqual([sub.body.id]);
    expect((await s.get(`/api/pools/pools/?parent=${parent.id}`)).body.count).toBe(1);
    const dup = await s.post(`/api/pools/pools/${parent.id}/create_sub_pool/`, { name: "child" });
    expect(dup.status).toBe(409);
    expect((await s.del(`/api/pools/pools/${parent.id}/`)).status).toBe(409);
    expect((await s.del(`/api/pools/pools/${sub.body.id}/`)).status).toBe(204);
    expect((await s.del(`/api/pools/pools/${parent.id}/`)).status).toBe(204);
  });

  it("lists pools in a bounded number of statements", async () => {
    for (let i = 0; i < 5; i++) await make(s, "/api/pools/pools/", { name: `bulk-${i}` });
    const r = await s.get("/api/pools/pools/");
    expect(r.status).toBe(200);
    expect(r.queries).toBeLessThanOrEqual(2);
  });
});
