import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DcimFixtures, dcimFixtures } from "./fixtures";
import { make, startServer, type TestServer } from "./harness";

let s: TestServer;
let fx: DcimFixtures;
beforeAll(async () => {
  s = await startServer({ RACKPLANE_MAX_BODY: "64kb" });
  fx = await dcimFixtures(s);
});
afterAll(async () => s?.close());

describe("URLs and headers", () => {
  it("redirects a URL without its trailing slash with 308, keeping method, body and query", async () => {
    const r = await s.request("POST", "/api/dcim/regions?x=1", { name: "R308", slug: "r308" });
    expect(r.status).toBe(308);
    expect(r.headers.get("location")).toBe("/api/dcim/regions/?x=1");
    const followed = await fetch(`${s.baseUrl}/api/core/tags`, {
      redirect: "follow",
      headers: { accept: "application/json", authorization: `Token ${s.token}` },
    });
    expect(followed.status).toBe(200);
  });

  it("echoes a valid X-Request-ID, generates one otherwise, and sends API-Version everywhere", async () => {
    const id = randomUUID();
    const mine = await s.get("/api/dcim/racks/", { "x-request-id": id });
    expect(mine.headers.get("x-request-id")).toBe(id);
    const fresh = await s.get("/api/nowhere/");
    expect(fresh.status).toBe(404);
    expect(fresh.body).toEqual({ detail: "Not found." });
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.headers.get("api-version")).toBe("1");
    const junk = await s.get("/api/dcim/racks/", { "x-request-id": "not a uuid; drop table" });
    expect(junk.headers.get("x-request-id")).not.toContain("drop");
  });

  it("negotiates the version in Accept: 406 for an unsupported one", async () => {
    expect((await s.get("/api/dcim/racks/", { accept: "application/json; version=1" })).status).toBe(200);
    const r = await s.get("/api/dcim/racks/", { accept: "application/json; version=7" });
    expect(r.status).toBe(406);
    expect(r.body.detail).toMatch(/version "7" is not supported/);
  });

  it("serves the endpoint index as JSON and as HTML for browsers", async () => {
    const json = await s.get("/api/");
    expect(json.status).toBe(200);
    expect(json.body.endpoints.map((e: { url: string }) => e.url)).toContain(`${s.baseUrl}/api/dcim/servers/`);
    const html = await s.get("/api/", { accept: "text/html" });
    expect(html.headers.get("content-type")).toContain("text/html");
    expect(html.body).toContain("/api/dcim/servers/");
  });

  it("refuses malformed JSON (400), non-JSON (415) and oversized bodies (413) without writing", async () => {
    const bad = await s.request("POST", "/api/core/tags/", '{"name": ');
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toMatch(/JSON parse error/);
    const big = await s.post("/api/core/tags/", { name: "big", slug: "big", description: "x".repeat(100_000) });
    expect(big.status).toBe(413);
    expect((await s.get("/api/core/tags/?slug=big")).body.count).toBe(0);
  });
});

describe("writes", () => {
  it("accepts choice labels and reads {value,label}", async () => {
    const r = await make(s, "/api/dcim/servers/", { name: "lbl", status: "To deploy", power_state: "On" });
    expect(r.status).toEqual({ value: "to_deploy", label: "To deploy" });
    expect(r.power_state).toEqual({ value: "on", label: "On" });
  });

  it("writes a FK by attributes; zero or several matches is a 400 on that field", async () => {
    const room2 = await make(s, "/api/dcim/server-rooms/", { name: "Room two", data_center: fx.dc.id });
    await make(s, "/api/dcim/racks/", { name: "Twin", server_room: fx.room.id });
    await make(s, "/api/dcim/racks/", { name: "Twin", server_room: room2.id });
    const several = await s.post("/api/dcim/servers/", { name: "x", rack: { name: "Twin" } });
    expect(several.status).toBe(400);
    expect(several.body.rack[0]).toMatch(/Several Rack objects match/);
    const none = await s.post("/api/dcim/servers/", { name: "x", rack: { name: "Nope" } });
    expect(none.body.rack[0]).toMatch(/No Rack matches/);
    const unknown = await s.post("/api/dcim/servers/", { name: "x", rack: { colour: "red" } });
    expect(unknown.body.rack[0]).toMatch(/Unknown attribute "colour"/);
    const ok = await make(s, "/api/dcim/servers/", {
      name: "x",
      rack: { name: "Twin", server_room: { name: "Room two" } },
    });
    expect(ok.rack.display).toBe("Twin");
    const r = await s.get(`/api/dcim/racks/?name=Twin&server_room_id=${room2.id}`);
    expect(r.body.results[0].servers_count).toBe(1);
  });

  it("PUT returns omitted optional fields to their defaults; PATCH keeps them", async () => {
    const srv = await make(s, "/api/dcim/servers/", {
      name: "defaults",
      sku: "SKU1",
      power_state: "on", // a plain choice: status is a workflow field, which a PUT cannot reset (ralph.test.ts)
      rack: fx.rack.id,
    });
    const patched = await s.patch(`/api/dcim/servers/${srv.id}/`, { name: "defaults2" });
    expect(patched.body.sku).toBe("SKU1");
    const put = await s.put(`/api/dcim/servers/${srv.id}/`, { name: "defaults3" });
    expect(put.status).toBe(200);
    expect(put.body.sku).toBe("");
    expect(put.body.power_state.value).toBe("unknown");
    expect(put.body.rack).toBeNull();
  });

  it("409s a unique violation without leaking SQL", async () => {
    await make(s, "/api/dcim/manufacturers/", { name: "Uniq", slug: "uniq" });
    const r = await s.post("/api/dcim/manufacturers/", { name: "Uniq", slug: "uniq2" });
    expect(r.status).toBe(409);
    expect(r.body.detail).toBe('An object with name "Uniq" already exists.');
    expect(JSON.stringify(r.body)).not.toMatch(/INSERT|constraint|manufacturers_/i);
  });

  it("keeps the region tree a tree", async () => {
    const a = await make(s, "/api/dcim/regions/", { name: "A", slug: "a" });
    const b = await make(s, "/api/dcim/regions/", { name: "B", slug: "b", parent: a.id });
    const r = await s.patch(`/api/dcim/regions/${a.id}/`, { parent: b.id });
    expect(r.status).toBe(400);
    expect(r.body.parent[0]).toMatch(/descendants/);
  });

  it("records the request id on rows for created_by_request / updated_by_request", async () => {
    const id = randomUUID();
    const res = await s.request(
      "POST",
      "/api/core/tags/",
      [
        { name: "ra", slug: "ra" },
        { name: "rb", slug: "rb" },
      ],
      {
        "x-request-id": id,
      },
    );
    expect(res.status).toBe(201);
    const byCreate = await s.get(`/api/core/tags/?created_by_request=${id}`);
    expect(byCreate.body.results.map((t: { slug: string }) => t.slug).sort()).toEqual(["ra", "rb"]);
    const upd = randomUUID();
    await s.request("PATCH", `/api/core/tags/${res.body[0].id}/`, { description: "u" }, { "x-request-id": upd });
    expect((await s.get(`/api/core/tags/?updated_by_request=${upd}`)).body.count).toBe(1);
  });
});

describe("lists", () => {
  it("answers a page of 60 servers with nested rack, model and tags in two SQL statements", async () => {
    const t2 = await make(s, "/api/core/tags/", { name: "Second", slug: "second" });
    const items = Array.from({ length: 60 }, (_, i) => ({
      name: `n1-${i}`,
      rack: fx.rack.id,
      asset_model: fx.model.id,
      tags: i % 2 ? [fx.tag.id, t2.id] : [fx.tag.id],
    }));
    expect((await s.post("/api/dcim/servers/", items)).status).toBe(201);
    const r = await s.get("/api/dcim/servers/?name__startswith=n1-&limit=60");
    expect(r.body.count).toBe(60);
    expect(r.body.results[1].tags.map((t: { slug: string }) => t.slug).sort()).toEqual(["fixture-tag", "second"]);
    expect(r.body.results[0].asset_model.display).toBe("Fixture model");
    expect(r.queries).toBeLessThanOrEqual(2);
  });

  it("ANDs tags, ORs repeated parameters", async () => {
    expect((await s.get("/api/dcim/servers/?tag=fixture-tag&tag=second&name__startswith=n1-")).body.count).toBe(30);
    expect((await s.get("/api/dcim/servers/?name=n1-1&name=n1-2&name=n1-3")).body.count).toBe(3);
    expect((await s.get("/api/dcim/servers/?tag=no-such-tag")).body.count).toBe(0);
    // One tag (its own statement shape): every object carrying it, and only those.
    const one = await s.get("/api/dcim/servers/?tag=second&name__startswith=n1-&limit=60");
    expect(one.body.count).toBe(30);
    expect(one.body.results.every((x: { tags: { slug: string }[] }) => x.tags.some((t) => t.slug === "second"))).toBe(
      true,
    );
    expect((await s.get("/api/dcim/servers/?tag=fixture-tag&name__startswith=n1-")).body.count).toBe(60);
  });

  it("orders across relations and keeps the order stable", async () => {
    const r = await s.get("/api/dcim/servers/?name__startswith=n1-&ordering=-rack__name,name&limit=5");
    expect(r.status).toBe(200);
    const names = r.body.results.map((x: { name: string }) => x.name);
    expect(names).toEqual([...names].sort());
  });
});

describe("workflow transitions", () => {
  it("lists allowed transitions, runs one, refuses a disallowed one with 400", async () => {
    const srv = await make(s, "/api/dcim/servers/", { name: "wf" });
    const list = await s.get(`/api/dcim/servers/${srv.id}/transitions/`);
    expect(list.body.current).toBe("new");
    expect(list.body.transitions.map((t: { name: string }) => t.name)).toContain("install");
    const ok = await s.post(`/api/dcim/servers/${srv.id}/transitions/install/`, {});
    expect(ok.status).toBe(200);
    expect(ok.body.status.value).toBe("in_use");
    const bad = await s.post(`/api/dcim/servers/${srv.id}/transitions/send_to_repair/`, {});
    expect(bad.status).toBe(400);
    expect(bad.body.non_field_errors[0]).toMatch(/not allowed from status "in_use"/);
    const opts = await s.request("OPTIONS", `/api/dcim/servers/${srv.id}/transitions/install/`);
    expect(opts.status).toBe(200);
    expect(opts.body.transition).toBe("install"); // that transition alone (ralph.test.ts has the details)
    expect(opts.body.target).toBe("in_use");
    expect((await s.post(`/api/dcim/servers/${srv.id}/transitions/explode/`, {})).status).toBe(404);
  });
});

describe("delete rules", () => {
  it("refuses to delete a rack with mounted servers, naming them (409), and deletes it once empty", async () => {
    const room = await make(s, "/api/dcim/server-rooms/", { name: "Del room", data_center: fx.dc.id });
    const rack = await make(s, "/api/dcim/racks/", { name: "Del rack", server_room: room.id });
    const srv = await make(s, "/api/dcim/servers/", { name: "mounted", rack: rack.id, position: 4 });
    const r = await s.del(`/api/dcim/racks/${rack.id}/`);
    expect(r.status).toBe(409);
    expect(r.body.detail).toMatch(/referenced by 1 servers/);
    expect((await s.get(`/api/dcim/servers/${srv.id}/`)).body.rack.id).toBe(rack.id);
    await s.patch(`/api/dcim/servers/${srv.id}/`, { rack: null, position: null });
    expect((await s.del(`/api/dcim/racks/${rack.id}/`)).status).toBe(204);
  });
});
