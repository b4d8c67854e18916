import { randomUUID } from "node:crypto";
import { resourceList } from "@rackplane/contract";
import { openapiDocument } from "@rackplane/contract/openapi";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { make, startServer, type TestServer } from "./harness";
import { raw } from "./raw-http";

/**
 * Over HTTP, the server refuses what the OpenAPI document refuses and takes what it
 * allows (issue 14 §2), at the places schemathesis found them apart: each documented
 * value is sent to the real server, and each undocumented one is a 400 naming the field.
 */
let s: TestServer;
const doc = openapiDocument() as any;
const listParam = (path: string, name: string) =>
  (doc.paths[path].get.parameters as any[]).find((p) => p.name === name);

beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => s?.close());

describe("server validation = OpenAPI document", () => {
  it("takes every documented `fields`/`exclude`/`ordering` name of a list, and refuses others naming the parameter", async () => {
    const fields: string[] = listParam("/api/dcim/servers/", "fields").schema.items.enum;
    const ordering: string[] = listParam("/api/dcim/servers/", "ordering").schema.items.enum;
    const q = (name: string, values: string[]) => values.map((v) => `${name}=${encodeURIComponent(v)}`).join("&");
    expect((await s.get(`/api/dcim/servers/?${q("fields", fields)}`)).status).toBe(200);
    expect((await s.get(`/api/dcim/servers/?${q("exclude", fields)}`)).status).toBe(200);
    // At most 3 sort keys per request: every documented one, three at a time.
    for (let i = 0; i < ordering.length; i += 3)
      expect((await s.get(`/api/dcim/servers/?ordering=${ordering.slice(i, i + 3).join(",")}`)).status).toBe(200);
    for (const name of ["fields", "exclude", "ordering"]) {
      const bad = await s.get(`/api/dcim/servers/?${name}=no_such_field`);
      expect(bad.status, name).toBe(400);
      expect(Object.keys(bad.body), name).toEqual([name]);
    }
  });

  it("answers an undeclared method 405 even with an Idempotency-Key used before", async () => {
    const key = randomUUID();
    const headers = { "idempotency-key": key };
    const created = await s.request("POST", "/api/token/refresh/", { refresh: "x" }, headers);
    expect(created.status).toBe(401);
    const put = await s.request("PUT", "/api/token/refresh/", { refresh: "x" }, headers);
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toContain("POST");
    // A static action path that `PUT …/{id}/` would also match (schemathesis found it): still the
    // action's own route, so 405 — the key check follows the router's first-match order.
    const action = await s.request("PUT", "/api/dcim/servers/remove_from_pool/", { servers: [1] }, headers);
    expect(action.status, JSON.stringify(action.body)).toBe(405);
    // A declared route with the same key and another request is still a 422.
    const other = await s.request("POST", "/api/core/tags/", { name: "k", slug: "k" }, headers);
    expect(other.status).toBe(422);
  });

  it("refuses keys the documented pattern refuses, and takes one with inner spaces", async () => {
    const ok = await s.request(
      "POST",
      "/api/core/tags/",
      { name: "spaced", slug: "spaced" },
      { "idempotency-key": "a b" },
    );
    expect(ok.status).toBe(201);
    const bad = await s.request(
      "POST",
      "/api/core/tags/",
      { name: "x", slug: "x" },
      { "idempotency-key": "k".repeat(256) },
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body)).toEqual(["Idempotency-Key"]);
  });

  it("requires a forwarding's target as `payload_url` or its alias `url`, as the server does", async () => {
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema(doc, "doc");
    const valid = ajv.compile({ $ref: "doc#/components/schemas/EventForwardingCreate" });
    const bodies = [
      {},
      { name: "no target" },
      { url: "http://127.0.0.1:9/alias-only/" },
      { payload_url: "http://127.0.0.1:9/field-only/" },
      { url: "http://127.0.0.1:9/both/", payload_url: "http://127.0.0.1:9/both/" },
      { payload_url: "http://127.0.0.1:9/\u0000/" }, // NUL: refused by both (the target's pattern says so)
    ];
    const verdicts = [];
    for (const body of bodies) {
      const r = await s.post("/api/core/event-forwardings/", body);
      verdicts.push({ body, document: valid(body), server: r.status === 201 });
    }
    expect(verdicts.map((v) => v.document)).toEqual([false, false, true, true, true, false]);
    expect(verdicts.map((v) => v.server)).toEqual(verdicts.map((v) => v.document));
  });

  it("refuses a calendar date that does not exist with a 400 on the field, never a database error", async () => {
    for (const date of ["2023-02-29", "2024-02-30", "0000-01-01"]) {
      const r = await s.post("/api/dcim/access-cards/", { number: `c-${date}`, issue_date: date });
      expect(r.status, date).toBe(400);
      expect(Object.keys(r.body), date).toEqual(["issue_date"]);
    }
    const leap = await s.post("/api/dcim/access-cards/", { number: "leap", issue_date: "2024-02-29" });
    expect(leap.status).toBe(201);
    expect((await s.get("/api/dcim/access-cards/?issue_date=2024-02-29")).body.count).toBe(1);
    expect((await s.get("/api/dcim/access-cards/?issue_date=2024-02-30")).status).toBe(400);
  });

  it("types a text attribute of a reference as the document does: a string", async () => {
    const r = await s.post("/api/dcim/server-rooms/", { name: "typed", data_center: { name: 5 } });
    expect(r.status).toBe(400);
    expect(r.body.data_center[0]).toMatch(/must be a string/);
  });

  it("resolves a reference by every attribute the document lists for its target, and refuses any other", async () => {
    const rack = doc.components.schemas.ServerCreate.properties.rack.anyOf[0];
    expect(rack).toMatchObject({ $ref: "#/components/schemas/ObjectReference", if: { type: "object" } });
    const attrs = doc.components.schemas.ReferenceAttributes.$defs[rack.then.$ref.split("/").pop()];
    expect(attrs).toMatchObject({ additionalProperties: false, minProperties: 1 });
    const dc = await make(s, "/api/dcim/data-centers/", { name: "attr-dc", slug: "attr-dc" });
    const room = await make(s, "/api/dcim/server-rooms/", { name: "attr-room", data_center: dc.id });
    const made = await make(s, "/api/dcim/racks/", { name: "attr-rack", server_room: room.id, u_height: 42 });
    const stored = (await s.get(`/api/dcim/racks/${made.id}/`)).body;
    // Each documented attribute, with the rack's own value (a relation by its id), is taken. Values
    // are compared as stored text, so a timestamp as read back (ISO 8601) matches nothing: a 400
    // "No Rack matches", the answer for any value naming no object — never an unknown attribute.
    const names = Object.keys(attrs.properties);
    expect(names).toEqual(expect.arrayContaining(["id", "name", "server_room", "u_height", "status"]));
    for (const name of names) {
      const raw = stored[name];
      const value = raw && typeof raw === "object" ? (raw.value ?? raw.id) : raw;
      const r = await s.post("/api/dcim/servers/", { name: `by-${name}`, rack: { [name]: value, id: made.id } });
      if (name === "created" || name === "updated") {
        expect(r.status, name).toBe(400);
        expect(r.body.rack[0], name).toMatch(/^No Rack matches /);
      } else {
        expect(r.status, `${name}: ${JSON.stringify(r.body)}`).toBe(201);
        expect(r.body.rack.id, name).toBe(made.id);
      }
    }
    // What the document leaves out is a 400 on the field: the brief's `url`/`display`, a string id.
    for (const bad of [{ url: stored.url }, { display: stored.display }, { id: String(made.id) }]) {
      const r = await s.post("/api/dcim/servers/", { name: "by-bad", rack: bad });
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(Object.keys(r.body)).toEqual(["rack"]);
    }
    // A secret is never a lookup attribute: a user's `password` is not among them.
    const userAttrs = doc.components.schemas.ReferenceAttributes.$defs.User.properties;
    expect(Object.keys(userAttrs)).toContain("username");
    expect(Object.keys(userAttrs)).not.toContain("password");
  });

  it("documents the password rules that need nothing but the value: at least 8 characters, not all digits", async () => {
    const pw = doc.components.schemas.UserCreate.properties.password;
    expect(pw).toMatchObject({ minLength: 8, writeOnly: true });
    const re = new RegExp(pw.pattern, "u");
    expect(re.test("12345678")).toBe(false);
    expect(re.test("1234567x")).toBe(true);
    const ok = await s.post("/api/users/users/", { username: "doc.pw", password: "Pattern-ok-1" });
    expect(ok.status).toBe(201);
  });

  it("takes every RFC 3339 offset of a date-time filter (±23:59), and documents NUL as refused in text filters", async () => {
    expect(listParam("/api/dcim/regions/", "updated__lt").schema.items.format).toBe("date-time");
    for (const at of ["2412-06-03T13:45:21.0+18:05", "2020-01-01T00:00:00.123456-23:59", "2020-01-01T00:00:00Z"]) {
      const r = await s.get(`/api/dcim/regions/?updated__lt=${encodeURIComponent(at)}`);
      expect(r.status, `${at}: ${JSON.stringify(r.body)}`).toBe(200);
    }
    // The same instant as its UTC spelling: an object updated before it is found either way.
    const region = await make(s, "/api/dcim/regions/", { name: "offset-region", slug: "offset-region" });
    const later = "9000-01-01T23:30:00+23:30";
    const found = await s.get(`/api/dcim/regions/?updated__lt=${encodeURIComponent(later)}&name=offset-region`);
    expect(found.body.results.map((x: { id: number }) => x.id)).toEqual([region.id]);
    const pattern = new RegExp(listParam("/api/dcim/regions/", "name__icontains").schema.items.pattern, "u");
    expect(pattern.test("a\u0000b")).toBe(false);
    expect(pattern.test("ab")).toBe(true);
    expect((await s.get("/api/dcim/regions/?name__icontains=a%00b")).status).toBe(400);
    const bulkId = doc.components.schemas.RegionBulkUpdateItem.properties.id;
    expect(bulkId).toMatchObject({ type: "integer", minimum: 1, maximum: 2147483647 });
  });

  it("takes address families 4 and 6 only, and an action's own `limit` bounds", async () => {
    expect(listParam("/api/ipam/ip-addresses/", "address__family").schema.items.enum).toEqual([4, 6]);
    expect((await s.get("/api/ipam/ip-addresses/?address__family=4")).status).toBe(200);
    const five = await s.get("/api/ipam/ip-addresses/?address__family=5");
    expect(five.status).toBe(400);
    expect(Object.keys(five.body)).toEqual(["address__family"]);
    const net = await make(s, "/api/ipam/networks/", { address: "10.77.0.0/29" });
    expect((await s.get(`/api/ipam/networks/${net.id}/available-ips/?limit=1`)).status).toBe(200);
    const zero = await s.get(`/api/ipam/networks/${net.id}/available-ips/?limit=0`);
    expect(zero.status).toBe(400);
    expect(Object.keys(zero.body)).toEqual(["limit"]);
  });

  it("bounds every id a request names to int32 like the document, a 400 on that field (not 'out of range')", async () => {
    const huge = 2 ** 40;
    const bulk = await s.del("/api/dcim/regions/", [{ id: huge }]);
    expect(bulk.status).toBe(400);
    expect(JSON.stringify(bulk.body)).toContain("id");
    expect(JSON.stringify(bulk.body)).not.toContain("out of range or malformed");
    const scan = await s.post("/api/discovery/run_scan/", { scan_ranges: [huge] });
    expect(scan.status).toBe(400);
    expect(Object.keys(scan.body)).toEqual(["scan_ranges"]);
    const bodySchema = (path: string, method: string) =>
      doc.paths[path][method].requestBody.content["application/json"].schema;
    const scanBody = bodySchema("/api/discovery/run_scan/", "post");
    const resolved = scanBody.$ref ? doc.components.schemas[scanBody.$ref.split("/").pop()] : scanBody;
    expect(resolved.properties.scan_ranges.items.maximum).toBe(2147483647);
  });

  it("refuses a required text the documented pattern refuses (trimmed characters only), and takes what it allows", async () => {
    const pattern = new RegExp(doc.components.schemas.TagCreate.properties.name.pattern, "u");
    for (const blank of ["   ", "\u3000\t", "\ufeff\u00a0"]) {
      expect(pattern.test(blank), JSON.stringify(blank)).toBe(false);
      const r = await s.post("/api/core/tags/", { name: blank, slug: "blank" });
      expect(r.status, JSON.stringify(blank)).toBe(400);
      expect(r.body.name, JSON.stringify(blank)).toEqual(["This field may not be blank."]);
    }
    // \x1c is whitespace to Python's `\s` but not to JavaScript's trim: documented and accepted.
    expect(pattern.test(" \x1c ")).toBe(true);
    const kept = await s.post("/api/core/tags/", { name: " \x1c ", slug: "kept" });
    expect(kept.status).toBe(201);
    expect(kept.body.name).toBe("\x1c");
  });

  it("answers up to the documented maximum offset and page, and refuses one past it on that parameter", async () => {
    const offset = doc.components.parameters.offset.schema.maximum;
    const page = doc.components.parameters.page.schema.maximum;
    expect((await s.get(`/api/core/tags/?offset=${offset}`)).status).toBe(200);
    const deeper = await s.get(`/api/core/tags/?offset=${offset + 1}`);
    expect(deeper.status).toBe(400);
    expect(Object.keys(deeper.body)).toEqual(["offset"]);
    expect((await s.get(`/api/core/tags/?page=${page}&page_size=1`)).status).toBe(200);
    const past = await s.get(`/api/core/tags/?page=${page + 1}&page_size=1`);
    expect(past.status).toBe(400);
    expect(Object.keys(past.body)).toEqual(["page"]);
    // Sizes up to the documented int32 maximum are capped, not refused.
    const big = doc.components.parameters.limit.schema.maximum;
    const capped = await s.get(`/api/core/tags/?limit=${big}`);
    expect(capped.status).toBe(200);
    expect((await s.get(`/api/core/tags/?page_size=${big}`)).status).toBe(200);
    expect((await s.get(`/api/core/tags/?limit=${big + 1}`)).status).toBe(400);
  });

  it("pages a list under an object like every list: the documented offset maximum, page, page_size and cursor", async () => {
    const offset = doc.components.parameters.offset.schema.maximum;
    const server = await make(s, "/api/dcim/servers/", { name: "child-lists" });
    const profile = await make(s, "/api/discovery/auth-profiles/", { name: "child-lists" });
    await make(s, `/api/discovery/auth-profiles/${profile.id}/credentials/`, { username: "u", password: "p" });
    for (const list of [
      `/api/dcim/servers/${server.id}/firmwares/`,
      `/api/discovery/auth-profiles/${profile.id}/credentials/`,
    ]) {
      expect((await s.get(`${list}?offset=${offset}`)).status, list).toBe(200);
      const deeper = await s.get(`${list}?offset=${offset + 1}`);
      expect(deeper.status, list).toBe(400);
      expect(Object.keys(deeper.body), list).toEqual(["offset"]);
      expect((await s.get(`${list}?page=1&page_size=1`)).status, list).toBe(200);
      const first = await s.get(`${list}?cursor=&limit=1`);
      expect(first.status, list).toBe(200);
      expect(first.body.results.length, list).toBeLessThanOrEqual(1);
      // int32 sizes are capped, like every list; past int32 is a 400 on the parameter.
      expect((await s.get(`${list}?limit=2147483647`)).status, list).toBe(200);
      const huge = await s.get(`${list}?limit=2147483648`);
      expect(huge.status, list).toBe(400);
      expect(Object.keys(huge.body), list).toEqual(["limit"]);
    }
    const listed = await s.get(`/api/discovery/auth-profiles/${profile.id}/credentials/?page=1&page_size=1`);
    expect(listed.body.count).toBe(1);
    expect(listed.body.results[0].username).toBe("u");
  });

  it("takes every object type the document lists for a permission, and refuses one it does not (a 400 on the field)", async () => {
    const pattern = new RegExp(doc.components.schemas.ObjectPermissionCreate.properties.object_types.pattern, "u");
    const keys = resourceList.map((r) => r.key);
    const wildcards = [...new Set(keys.map((k) => `${k.split(".")[0]}.*`)), "*"];
    // In lists of at most 1000 characters (the field's maxLength).
    const lists: string[] = [];
    for (const t of [...keys, ...wildcards]) {
      const last = lists.at(-1);
      if (last !== undefined && last.length + t.length < 1000) lists[lists.length - 1] = `${last},${t}`;
      else lists.push(t);
    }
    for (const [i, object_types] of lists.entries()) {
      expect(pattern.test(object_types)).toBe(true);
      const r = await s.post("/api/users/permissions/", { name: `every-type-${i}`, object_types, actions: "view" });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    for (const bad of ["dcim.server", "nope.*", "dcim.servers,nope.things"]) {
      expect(pattern.test(bad), bad).toBe(false);
      const r = await s.post("/api/users/permissions/", { name: `bad-${bad}`, object_types: bad, actions: "view" });
      expect(r.status, bad).toBe(400);
      expect(Object.keys(r.body), bad).toEqual(["object_types"]);
    }
  });

  it("refuses one id twice in a bulk delete or update, as the operations' descriptions say", async () => {
    expect(doc.paths["/api/core/tags/"].delete.description).toMatch(/an id sent twice is a 400/);
    const tag = await make(s, "/api/core/tags/", { name: "twice", slug: "twice" });
    const twice = await s.del("/api/core/tags/", [{ id: tag.id }, { id: tag.id }]);
    expect(twice.status).toBe(400);
    expect(twice.body).toEqual({ non_field_errors: [`Id ${tag.id} appears more than once.`] });
    const patched = await s.patch("/api/core/tags/", [
      { id: tag.id, name: "a" },
      { id: tag.id, name: "b" },
    ]);
    expect(patched.status).toBe(400);
    expect(patched.body).toEqual({ non_field_errors: [`Id ${tag.id} appears more than once.`] });
    expect((await s.get(`/api/core/tags/${tag.id}/`)).body.name).toBe("twice");
    expect((await s.del("/api/core/tags/", [{ id: tag.id }])).status).toBe(204);
  });

  it("answers a request line longer than Node reads with the documented 431", async () => {
    expect(doc.paths["/api/core/tags/"].get.responses["431"]).toBeDefined();
    const r = await raw(s, `/api/core/tags/?name=${"a".repeat(20_000)}`);
    expect(r.status).toBe(431);
  });

  it("counts a text's length in code points, as the document's maxLength does, in single and bulk bodies", async () => {
    const max = doc.components.schemas.TagCreate.properties.name.maxLength;
    const astral = "😍".repeat(max); // `max` code points, twice as many UTF-16 units
    const one = await s.post("/api/core/tags/", { name: astral, slug: "astral" });
    expect(one.status).toBe(201);
    expect(one.body.name).toBe(astral);
    const over = await s.post("/api/core/tags/", { name: `${astral}😍`, slug: "astral-over" });
    expect(over.status).toBe(400);
    expect(Object.keys(over.body)).toEqual(["name"]);
    const bulk = await s.post("/api/core/tags/", [
      { name: `${"😍".repeat(max - 1)}a`, slug: "astral-bulk" },
      { name: `${astral}a`, slug: "astral-bulk-over" },
    ]);
    expect(bulk.status).toBe(400);
    expect(bulk.body[0]).toEqual({});
    expect(Object.keys(bulk.body[1])).toEqual(["name"]);
    const put = await s.put(`/api/core/tags/${one.body.id}/`, { name: `${"😍".repeat(max - 1)}b`, slug: "astral" });
    expect(put.status).toBe(200);
  });
});
