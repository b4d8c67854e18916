import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, grant as grantOn, userCaller } from "./callers";
import { dcimFixtures } from "./fixtures";
import { make, startServer, type TestServer } from "./harness";

/**
 * Object permissions over real HTTP: the NOC writes dcim and reads the rest, finance
 * writes assets only, a contractor sees only servers in use in rack A (and what points
 * at them shows them as null otherwise). Before the first permission exists, every
 * non-superuser keeps the open model.
 */
describe("object permissions", () => {
  let s: TestServer;
  const id: Record<string, number> = {};
  const who: Record<string, Caller> = {};
  const tokens: Record<string, number> = {};

  const user = async (username: string, groups: number[]) => {
    const u = await userCaller(s, username, groups);
    tokens[username] = u.id;
    who[username] = u.caller;
  };
  const names = (r: { body: { results: { name: string }[] } }) => r.body.results.map((x) => x.name).sort();
  const grant = (body: Parameters<typeof grantOn>[1]) => grantOn(s, body);

  beforeAll(async () => {
    s = await startServer();
    const fx = await dcimFixtures(s);
    for (const g of ["noc", "finance", "contractor"]) id[g] = (await make(s, "/api/users/groups/", { name: g })).id;
    await user("nora", [id.noc!]);
    await user("fin", [id.finance!]);
    await user("carl", [id.contractor!]);
    await user("plain", []);
    id.rackA = fx.rack.id;
    id.rackB = (await make(s, "/api/dcim/racks/", { name: "B-rack", server_room: fx.room.id, u_height: 42 })).id;
    for (const [name, status, rack] of [
      ["s1", "in_use", id.rackA],
      ["s2", "in_use", id.rackB],
      ["s3", "new", id.rackA],
    ] as const)
      id[name] = (await make(s, "/api/dcim/servers/", { name, status, rack })).id;
    id.vm1 = (await make(s, "/api/virtual/virtual-servers/", { hostname: "vm1", hypervisor: id.s3 })).id;
    id.vm2 = (await make(s, "/api/virtual/virtual-servers/", { hostname: "vm2", hypervisor: id.s1 })).id;
  });
  afterAll(() => s?.close());

  it("with no permission at all, non-superusers keep the open model", async () => {
    expect((await who.plain!.get("/api/dcim/servers/")).body.count).toBe(3);
    const r = await who.plain!.post("/api/assets/domains/", { name: "open.example" });
    expect(r.status).toBe(201);
    expect((await who.plain!.del(`/api/assets/domains/${r.body.id}/`)).status).toBe(204);
  });

  it("only superusers write permissions; bad ones are a 400 naming the field", async () => {
    const body = { name: "x", object_types: "dcim.servers", actions: "view" };
    expect((await who.nora!.post("/api/users/permissions/", body)).status).toBe(403);
    const bad = async (extra: Record<string, unknown>, field: string, text: RegExp) => {
      const r = await s.post("/api/users/permissions/", { ...body, ...extra });
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body[field])).toMatch(text);
    };
    await bad({ object_types: "dcim.nothing" }, "object_types", /dcim\.nothing/);
    await bad({ actions: "view,fly" }, "actions", /fly/);
    await bad({ constraints: "stauts=in_use" }, "constraints", /stauts/);
    await bad({ constraints: "status=melted" }, "constraints", /status/);
    await bad({ object_types: "dcim.*", constraints: "status=in_use" }, "constraints", /one by one/);
    expect((await s.get("/api/users/permissions/")).body.count).toBe(0);
  });

  it("grants: NOC writes dcim and reads the rest, finance writes assets, a contractor sees a constraint", async () => {
    const g = (name: string) => ({ groups: [id[name]] });
    await grant({ name: "noc-dcim", object_types: "dcim.*", actions: "view,add,change,delete", ...g("noc") });
    await grant({ name: "noc-read", object_types: "*", actions: "view", ...g("noc") });
    await grant({
      name: "finance-assets",
      object_types: "assets.*",
      actions: "view,add,change,delete",
      ...g("finance"),
    });
    id.carlServers = (
      await grant({
        name: "contractor-servers",
        object_types: "dcim.servers",
        actions: "view,change",
        constraints: `status=in_use&rack__name=${encodeURIComponent("Fixture rack")}`,
        ...g("contractor"),
      })
    ).id;
    await grant({
      name: "contractor-rest",
      object_types: "dcim.racks,virtual.virtual-servers",
      actions: "view,add",
      ...g("contractor"),
    });
    const listed = await s.get("/api/users/permissions/?ordering=name");
    expect(listed.body.results.map((p: { name: string }) => p.name)).toEqual([
      "contractor-rest",
      "contractor-servers",
      "finance-assets",
      "noc-dcim",
      "noc-read",
    ]);
    // A non-superuser sees the permissions granted to them.
    expect(names(await who.carl!.get("/api/users/permissions/"))).toEqual(["contractor-rest", "contractor-servers"]);
  });

  it("NOC writes dcim and reads the rest, but cannot write assets", async () => {
    const nora = who.nora!;
    const created = await nora.post("/api/dcim/servers/", { name: "noc-made", rack: id.rackB });
    expect(created.status).toBe(201);
    expect((await nora.del(`/api/dcim/servers/${created.body.id}/`)).status).toBe(204);
    expect((await nora.get("/api/assets/domains/")).status).toBe(200);
    const refused = await nora.post("/api/assets/domains/", { name: "noc.example" });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/add assets\.domains/);
    expect((await nora.get("/api/virtual/virtual-servers/")).body.count).toBe(2);
    expect((await nora.patch(`/api/virtual/virtual-servers/${id.vm1}/`, { os: "x" })).status).toBe(403);
  });

  it("finance writes assets only; what they may not view lists empty and is 404", async () => {
    const fin = who.fin!;
    const d = await fin.post("/api/assets/domains/", { name: "finance.example" });
    expect(d.status).toBe(201);
    expect((await fin.patch(`/api/assets/domains/${d.body.id}/`, { dns_provider: "ns1" })).status).toBe(200);
    expect((await fin.post("/api/dcim/servers/", { name: "fin-made" })).status).toBe(403);
    const servers = await fin.get("/api/dcim/servers/");
    expect(servers.status).toBe(200);
    expect(servers.body.count).toBe(0);
    expect((await fin.get(`/api/dcim/servers/${id.s1}/`)).status).toBe(404);
    expect((await fin.del(`/api/dcim/servers/${id.s1}/`)).status).toBe(403);
    // A user of no group, now that permissions exist: nothing.
    expect((await who.plain!.get("/api/dcim/servers/")).body.count).toBe(0);
    expect((await who.plain!.post("/api/assets/domains/", { name: "plain.example" })).status).toBe(403);
  });

  it("a constrained view applies to lists, counts, details, nested objects and relation filters, in bounded SQL", async () => {
    const carl = who.carl!;
    const list = await carl.get("/api/dcim/servers/");
    expect(names(list)).toEqual(["s1"]);
    expect(list.body.count).toBe(1);
    expect(list.queries).toBeLessThanOrEqual(2);
    const detail = await carl.get(`/api/dcim/servers/${id.s1}/`);
    expect(detail.status).toBe(200);
    expect(detail.queries).toBeLessThanOrEqual(1);
    expect((await carl.get(`/api/dcim/servers/${id.s2}/`)).status).toBe(404); // rack B
    expect((await carl.get(`/api/dcim/servers/${id.s3}/`)).status).toBe(404); // status new
    expect((await carl.get(`/api/dcim/servers/?status=new`)).body.count).toBe(0);
    const rack = await carl.get(`/api/dcim/racks/${id.rackA}/`);
    expect(rack.body.servers_count).toBe(1); // s1, not s3
    // A required reference stays shown (permissions blank nullable ones only): the rack's room.
    expect(rack.body.server_room.name).toBe("Fixture room");
    expect(rack.queries).toBeLessThanOrEqual(1);
    const vms = await carl.get("/api/virtual/virtual-servers/?ordering=hostname");
    expect(vms.queries).toBeLessThanOrEqual(2);
    expect(vms.body.results.map((v: { hypervisor: { id: number } | null }) => v.hypervisor?.id ?? null)).toEqual([
      null, // vm1 runs on s3, constrained away
      id.s1,
    ]);
    expect((await carl.get(`/api/virtual/virtual-servers/?hypervisor_id=${id.s3}`)).body.count).toBe(0);
    expect((await carl.get(`/api/virtual/virtual-servers/?hypervisor__name=s3`)).body.count).toBe(0);
    expect((await carl.get(`/api/virtual/virtual-servers/?hypervisor__name=s1`)).body.count).toBe(1);
    // Without a grant on a resource: empty, like objects the caller cannot see.
    expect((await carl.get("/api/pools/pools/")).body.count).toBe(0);
  });

  it("writes stay inside the constraint: FK resolution, changes, results, deletes", async () => {
    const carl = who.carl!;
    const hidden = await carl.post("/api/virtual/virtual-servers/", { hostname: "vm3", hypervisor: id.s3 });
    expect(hidden.status).toBe(400);
    expect(JSON.stringify(hidden.body)).not.toMatch(/"s3"/);
    const byName = await carl.post("/api/virtual/virtual-servers/", { hostname: "vm3", hypervisor: { name: "s3" } });
    expect(byName.status).toBe(400);
    const ok = await carl.post("/api/virtual/virtual-servers/", { hostname: "vm3", hypervisor: id.s1 });
    expect(ok.status).toBe(201);
    expect(ok.body.hypervisor.id).toBe(id.s1);

    expect((await carl.patch(`/api/dcim/servers/${id.s1}/`, { comments: "by carl" })).status).toBe(200);
    const out = await carl.patch(`/api/dcim/servers/${id.s1}/`, { status: "free" });
    expect(out.status).toBe(403);
    expect(out.body.detail).toMatch(/outside your permission/);
    expect((await s.get(`/api/dcim/servers/${id.s1}/`)).body.status.value).toBe("in_use"); // rolled back
    expect((await carl.patch(`/api/dcim/servers/${id.s2}/`, { comments: "x" })).status).toBe(404);
    expect((await carl.del(`/api/dcim/servers/${id.s1}/`)).status).toBe(403);
    expect((await carl.post("/api/dcim/servers/", { name: "carl-made" })).status).toBe(403);
    // A hidden hypervisor is kept when the visible VM is written back.
    const vm1 = await carl.get(`/api/virtual/virtual-servers/${id.vm1}/`);
    expect(vm1.body.hypervisor).toBeNull();
  });

  it("a visible object outside a constrained change grant is a 403, not a 404", async () => {
    // Carl may view every server in rack A but change only those in use.
    const view = await grant({
      name: "contractor-view-rack-a",
      object_types: "dcim.servers",
      actions: "view",
      constraints: `rack=${id.rackA}`,
      groups: [id.contractor],
    });
    const carl = who.carl!;
    expect(names(await carl.get("/api/dcim/servers/"))).toEqual(["s1", "s3"]);
    const r = await carl.patch(`/api/dcim/servers/${id.s3}/`, { comments: "no" });
    expect(r.status).toBe(403);
    expect(r.body.detail).toMatch(/permission to change/);
    expect((await s.del(`/api/users/permissions/${view.id}/`)).status).toBe(204);
    expect(names(await carl.get("/api/dcim/servers/"))).toEqual(["s1"]); // revoked at once
  });

  it("token scopes narrow permissions and never widen them", async () => {
    const narrow = await make(s, "/api/users/tokens/", { user: tokens.nora, scopes: "assets:read" });
    const nora = s.as(`Token ${narrow.key}`);
    expect((await nora.get("/api/dcim/servers/")).status).toBe(403); // NOC may; the token may not
    expect((await nora.get("/api/assets/domains/")).status).toBe(200);
    const wide = await make(s, "/api/users/tokens/", { user: tokens.fin, scopes: "dcim:write,assets:write" });
    const fin = s.as(`Token ${wide.key}`);
    expect((await fin.post("/api/dcim/servers/", { name: "via-token" })).status).toBe(403);
    expect((await fin.get("/api/dcim/servers/")).body.count).toBe(0);
  });

  it("OPTIONS reflects what the caller may do", async () => {
    const allow = async (c: Caller, path: string) =>
      ((await c.request("OPTIONS", path)).headers.get("allow") ?? "").split(", ").sort();
    expect(await allow(who.fin!, "/api/assets/domains/")).toEqual([
      "DELETE",
      "GET",
      "HEAD",
      "OPTIONS",
      "PATCH",
      "POST",
      "PUT",
    ]);
    expect(await allow(who.fin!, "/api/dcim/servers/")).toEqual(["OPTIONS"]);
    expect(await allow(who.carl!, `/api/dcim/servers/${id.s1}/`)).toEqual(["GET", "HEAD", "OPTIONS", "PATCH", "PUT"]);
    const body = (await who.carl!.request("OPTIONS", "/api/dcim/servers/")).body;
    expect(body.actions).toEqual({});
    expect((await who.nora!.request("OPTIONS", "/api/dcim/servers/")).body.actions.POST).toBeDefined();
    // Superusers bypass.
    expect(await allow(s, "/api/dcim/servers/")).toContain("POST");
  });

  it("named actions and transitions need their name or change", async () => {
    await grant({ name: "fin-view-servers", object_types: "dcim.servers", actions: "view", groups: [id.finance] });
    const r = await who.fin!.post(`/api/dcim/servers/${id.s2}/transitions/release/`, {});
    expect(r.status).toBe(403);
    expect(r.body.detail).toMatch(/release dcim\.servers/);
    await grant({ name: "fin-release", object_types: "dcim.servers", actions: "release", groups: [id.finance] });
    const ok = await who.fin!.post(`/api/dcim/servers/${id.s2}/transitions/release/`, {});
    expect(ok.status).toBe(200);
    expect(ok.body.status.value).toBe("free");
  });

  it("pool visibility stays a rule of the data layer; a pool constraint narrows it to pool X", async () => {
    for (const name of ["pool-x", "pool-y"])
      id[name] = (await make(s, "/api/pools/pools/", { name, group: id.contractor })).id;
    for (const [name, pool] of [
      ["sx", "pool-x"],
      ["sy", "pool-y"],
    ] as const)
      await make(s, "/api/dcim/servers/", { name, status: "in_use", rack: id.rackA, resource_pool: id[pool] });
    const carl = who.carl!;
    // No view on pools: servers in a pool follow it out of sight; s1 (no pool) stays.
    expect(names(await carl.get("/api/dcim/servers/"))).toEqual(["s1"]);
    await grant({
      name: "contractor-pool-x",
      object_types: "pools.pools",
      actions: "view",
      constraints: "name=pool-x",
      groups: [id.contractor],
    });
    expect(names(await carl.get("/api/pools/pools/"))).toEqual(["pool-x"]);
    const servers = await carl.get("/api/dcim/servers/");
    expect(names(servers)).toEqual(["s1", "sx"]);
    expect(servers.queries).toBeLessThanOrEqual(2);
    expect((await carl.get(`/api/pools/pools/${id["pool-x"]}/`)).body.servers_count).toBe(1);
    expect((await carl.get(`/api/pools/pools/${id["pool-y"]}/`)).status).toBe(404);
    // The group rule still applies under a wider permission: the NOC sees no contractor pool.
    expect((await who.nora!.get("/api/pools/pools/")).body.count).toBe(0);
  });
});
