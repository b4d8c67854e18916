import type { AnyField, AnyResource, ChoiceFieldDef } from "@rackplane/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { make, startServer, type TestServer } from "./harness";
import { describePermissionAxis } from "./permission-axis";

type Obj = Record<string, any>;

export interface ResourceSuiteConfig<F extends Obj = Obj> {
  /** The contract resource under test (e.g. `resources.dcim.racks`). */
  resource: { key: string; path: string };
  /** Creates the objects the resource depends on; its result is passed around. */
  fixtures?: (s: TestServer) => Promise<F>;
  /** A valid create payload; `i` makes unique values (0 … 21 are used; the permission axis uses 13 … 17). Writable resources only. */
  create?: (fx: F, i: number) => Obj;
  /** A full PUT payload for the first object. */
  update?: (fx: F) => Obj;
  /** A PATCH payload (a few fields). */
  patch?: Obj;
  /**
   * For a read-only resource (no create route): makes its three sample objects the way
   * the server does (a side effect of other writes, or rows a job would insert) and returns their ids.
   */
  seed?: (s: TestServer, fx: F) => Promise<number[]>;
  /** The FK whose target's visibility this resource's rows follow (access rule `follows`); see the permission axis. */
  follows?: string;
  /** Rows the permission model does not govern (a user's own tokens, the caller's own permissions). */
  ownRowsOnly?: boolean;
  /** Read as permissions allow, written by superusers only (users, groups): every other caller's write is a 403. */
  superuserWrites?: boolean;
  /** Resource types a caller must also view to see this resource's rows (what polymorphic rows describe, what rows follow). */
  seesThrough?: readonly string[];
  /** Groups the permission axis' callers join (a pool is seen by its group's members only). */
  callerGroups?: (fx: F) => number[];
  /** Payloads that must be refused with a 400 naming `field`. */
  invalid?: { body: (fx: F) => Obj; field: string }[];
  /** Creates an object that references `target` so deleting `target` is a 409. */
  referencedBy?: (s: TestServer, fx: F, target: Obj) => Promise<unknown>;
}

/** The three sample objects every suite creates (one single create, two in bulk). */
const N = 3;

/**
 * The generic API suite, configured per resource (NetBox's APIViewTestCases): CRUD,
 * bulk all-or-none, every filter parameter, lookups checked against the data,
 * ordering, brief, pagination edges, errors, OPTIONS and the SQL statement budget.
 */
export function describeResource<F extends Obj>(cfg: ResourceSuiteConfig<F>) {
  const def = cfg.resource as unknown as AnyResource;
  const path = def.path;
  const has = (route: string) => route in def.routes;
  const create = cfg.create ?? ((): Obj => ({}));
  describe(`${def.key} (generic API suite)`, () => {
    let s: TestServer;
    let fx: F;
    let objs: Obj[] = [];

    beforeAll(async () => {
      s = await startServer();
      fx = (cfg.fixtures ? await cfg.fixtures(s) : {}) as F;
      if (cfg.seed) {
        const ids = await cfg.seed(s, fx);
        expect(ids).toHaveLength(N);
        objs = await Promise.all(ids.map(async (id) => (await s.get(`${path}${id}/`)).body as Obj));
        return;
      }
      objs = [await make(s, path, create(fx, 0))];
      const bulk = await s.post(path, [create(fx, 1), create(fx, 2)]);
      expect(bulk.status, JSON.stringify(bulk.body)).toBe(201);
      objs.push(...bulk.body);
    });
    afterAll(async () => s?.close());

    const countOf = async (query: string) => {
      const r = await s.get(`${path}?${query}&id__in=${objs.map((o) => o.id).join(",")}`);
      expect(r.status, `${query}: ${JSON.stringify(r.body)}`).toBe(200);
      return r.body as { count: number; results: Obj[] };
    };

    it("creates with a full representation (id, url, display, created, nested objects)", () => {
      for (const o of objs) {
        expect(o.id).toBeTypeOf("number");
        expect(o.url).toBe(`${s.baseUrl}${path}${o.id}/`);
        expect(typeof o.display).toBe("string");
        if ("created" in def.fields || "created" in o) expect(Date.parse(o.created)).not.toBeNaN();
      }
    });

    it("retrieves one object in one SQL statement", async () => {
      const r = await s.get(`${path}${objs[0]!.id}/`);
      expect(r.status).toBe(200);
      // A computed field (a new token's key) is only in the create response.
      const unstored = Object.keys(def.fields).filter((k) => def.fields[k]!.options.stored === false);
      const omit = (o: Obj) => Object.fromEntries(Object.entries(o).filter(([k]) => !unstored.includes(k)));
      expect(omit(r.body)).toEqual(omit(objs[0]!));
      expect(r.queries).toBeLessThanOrEqual(1);
    });

    /** Our own objects only: fixtures may have created others of the same kind. */
    const mine = () => `id__in=${objs.map((o) => o.id).join(",")}`;

    it("lists with count/next/previous and at most two SQL statements", async () => {
      const r = await s.get(`${path}?${mine()}&limit=2`);
      expect(r.status).toBe(200);
      expect(r.body.count).toBe(N);
      expect(r.body.results).toHaveLength(2);
      const next = new URL(r.body.next);
      expect(`${next.origin}${next.pathname}`).toBe(`${s.baseUrl}${path}`);
      expect(Object.fromEntries(next.searchParams)).toEqual({
        id__in: objs.map((o) => o.id).join(","),
        limit: "2",
        offset: "2",
      });
      expect(r.body.previous).toBeNull();
      expect(r.queries).toBeLessThanOrEqual(2);
      const last = await s.get(`${path}?${mine()}&limit=2&offset=2`);
      expect(last.body.results).toHaveLength(1);
      expect(last.body.next).toBeNull();
      expect(new URL(last.body.previous).searchParams.get("offset")).toBeNull();
    });

    it("paginates by page/page_size, caps limits and refuses negative windows", async () => {
      const p2 = await s.get(`${path}?${mine()}&page=2&page_size=2`);
      const o2 = await s.get(`${path}?${mine()}&limit=2&offset=2`);
      expect(p2.body.results.map((o: Obj) => o.id)).toEqual(o2.body.results.map((o: Obj) => o.id));
      expect(p2.body.previous).toContain("page=1");
      expect((await s.get(`${path}?offset=100000`)).body.results).toEqual([]);
      expect((await s.get(`${path}?${mine()}&limit=0`)).body.results).toHaveLength(N);
      expect((await s.get(`${path}?limit=100000`)).status).toBe(200);
      const neg = await s.get(`${path}?limit=-1`);
      expect(neg.status).toBe(400);
      expect(neg.body).toHaveProperty("limit");
      expect((await s.get(`${path}?page=0`)).body).toHaveProperty("page");
    });

    it("answers brief representations with only identifying fields", async () => {
      const r = await s.get(`${path}?brief=1`);
      const keys = ["id", "url", "display", ...def.brief].sort();
      for (const o of r.body.results) expect(Object.keys(o).sort()).toEqual(keys);
      const one = await s.get(`${path}${objs[0]!.id}/?brief=true`);
      expect(Object.keys(one.body).sort()).toEqual(keys);
    });

    it("accepts every declared filter parameter with a well-typed value", async () => {
      for (const p of def.filterParams) {
        const fd = def.fields[p.field]!;
        const r = await s.get(`${path}?${p.name}=${encodeURIComponent(sampleValue(fd, p.lookup, p.by))}`);
        expect(r.status, `${p.name}: ${JSON.stringify(r.body)}`).toBe(200);
        expect(r.queries, p.name).toBeLessThanOrEqual(2);
      }
    });

    it("applies lookups as declared (exact, n, in, icontains, ranges, isnull, relations)", async () => {
      const o = objs[0]!;
      for (const [name, fd] of Object.entries(def.fields)) {
        if (!fd.lookups.length) continue;
        const v = o[name];
        if (v === null || v === undefined) {
          if (fd.lookups.includes("isnull" as never)) {
            const r = await countOf(`${name}__isnull=true`);
            expect(
              r.results.map((x) => x.id),
              name,
            ).toContain(o.id);
          }
          continue;
        }
        const scalar = fd.kind === "fk" ? v.id : fd.kind === "choice" ? v.value : v;
        if (fd.kind === "m2m" || typeof scalar === "object") continue;
        const q = encodeURIComponent(String(scalar));
        const eq = await countOf(`${name}=${q}`);
        expect(
          eq.results.map((x) => x.id),
          `${name}=${scalar}`,
        ).toContain(o.id);
        for (const x of eq.results) expect(scalarOf(fd, x[name]), `${name}=`).toBe(scalar);
        if (fd.lookups.includes("n" as never)) {
          const ne = await countOf(`${name}__n=${q}`);
          expect(
            ne.results.map((x) => x.id),
            `${name}__n`,
          ).not.toContain(o.id);
          expect(ne.count + eq.count).toBe(N);
        }
        const other = scalarOf(fd, objs[1]![name]);
        if (fd.lookups.includes("in" as never) && scalar !== "" && other !== "" && other != null) {
          const r = await countOf(`${name}__in=${q},${encodeURIComponent(String(other))}`);
          expect(
            r.results.map((x) => x.id),
            `${name}__in`,
          ).toEqual(expect.arrayContaining([o.id, objs[1]!.id]));
        }
        if (fd.lookups.includes("icontains" as never) && typeof scalar === "string" && scalar.length > 2) {
          const part = scalar.slice(1, -1).toUpperCase();
          const r = await countOf(`${name}__icontains=${encodeURIComponent(part)}`);
          expect(
            r.results.map((x) => x.id),
            `${name}__icontains`,
          ).toContain(o.id);
          const sw = await countOf(`${name}__startswith=${encodeURIComponent(scalar.slice(0, 2))}`);
          expect(
            sw.results.map((x) => x.id),
            `${name}__startswith`,
          ).toContain(o.id);
        }
        if (fd.lookups.includes("gte" as never) && fd.kind !== "datetime") {
          expect((await countOf(`${name}__gte=${q}`)).results.map((x) => x.id)).toContain(o.id);
          expect((await countOf(`${name}__lt=${q}`)).results.map((x) => x.id)).not.toContain(o.id);
        }
        if (fd.lookups.includes("isnull" as never)) {
          expect((await countOf(`${name}__isnull=false`)).results.map((x) => x.id)).toContain(o.id);
        }
      }
    });

    it("searches case-insensitively over its search fields", async () => {
      const field = def.searchFields.find((f) => typeof objs[0]![f] === "string" && objs[0]![f].length > 1);
      if (!field) return;
      const r = await countOf(`search=${encodeURIComponent(objs[0]![field].toUpperCase())}`);
      expect(r.results.map((x) => x.id)).toContain(objs[0]!.id);
    });

    it("orders by every declared ordering field, both directions, stably", async () => {
      for (const o of def.ordering) {
        const asc = await s.get(`${path}?${mine()}&ordering=${o}`);
        const desc = await s.get(`${path}?${mine()}&ordering=-${o}`);
        expect(asc.status, o).toBe(200);
        expect(desc.status, o).toBe(200);
        expect(asc.body.count).toBe(N);
        const plain = objs.map((x) => x[o]).every((v) => typeof v === "string" || typeof v === "number");
        if (plain) {
          const vals = asc.body.results.map((x: Obj) => x[o]);
          expect(vals, `ordering=${o}`).toEqual([...vals].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
          expect(
            desc.body.results.map((x: Obj) => x[o]),
            `ordering=-${o}`,
          ).toEqual([...vals].reverse());
        }
      }
      const byId = await s.get(`${path}?${mine()}&ordering=-id`);
      expect(byId.body.results.map((x: Obj) => x.id)).toEqual(objs.map((x) => x.id).sort((a, b) => b - a));
    });

    it("refuses unknown filters, unknown ordering fields and wrongly typed values, naming them", async () => {
      const r = await s.get(`${path}?no_such_field=1`);
      expect(r.status).toBe(400);
      expect(r.body.no_such_field[0]).toMatch(/Valid parameters: .*limit/);
      const o = await s.get(`${path}?ordering=nope`);
      expect(o.status).toBe(400);
      expect(o.body.ordering[0]).toContain("nope");
      expect((await s.get(`${path}?id=abc`)).body).toHaveProperty("id");
      if (def.filterParams.some((p) => p.name === "created__gte"))
        expect((await s.get(`${path}?created__gte=yesterday`)).body).toHaveProperty(["created__gte"]);
    });

    if (has("create")) describeWrites();
    function describeWrites() {
      const update = cfg.update!;
      const patchBody = cfg.patch!;
      it("replaces with PUT and changes only sent fields with PATCH", async () => {
        const id = objs[0]!.id;
        const put = await s.put(`${path}${id}/`, update(fx));
        expect(put.status, JSON.stringify(put.body)).toBe(200);
        for (const [k, v] of Object.entries(update(fx)))
          if (!def.fields[k]!.options.writeOnly) expectField(def.fields[k]!, put.body[k], v, k); // a password is never read back
        const before = put.body;
        const patch = await s.patch(`${path}${id}/`, patchBody);
        expect(patch.status, JSON.stringify(patch.body)).toBe(200);
        for (const [k, v] of Object.entries(patchBody)) expectField(def.fields[k]!, patch.body[k], v, k);
        for (const k of Object.keys(before)) {
          if (!(k in patchBody) && k !== "updated") expect(patch.body[k], k).toEqual(before[k]);
        }
        objs[0] = patch.body;
      });

      it("ignores read-only fields and refuses unknown ones", async () => {
        // A representation's own `url` (an address of this resource, which a write alias named `url` ignores too).
        const url = `http://x${path}999999/`;
        const body = { ...create(fx, 7), id: 999999, url, created: "2000-01-01T00:00:00Z" };
        const r = await s.post(path, body);
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        expect(r.body.id).not.toBe(999999);
        expect(r.body.created.startsWith("2000")).toBe(false);
        expect((await s.del(`${path}${r.body.id}/`)).status).toBe(204);
        const bad = await s.post(path, { ...create(fx, 8), surely_not_a_field: 1 });
        expect(bad.status).toBe(400);
        expect(bad.body.surely_not_a_field).toEqual(["Unknown field."]);
      });

      it("refuses invalid payloads with a 400 naming the field", async () => {
        const before = (await s.get(path)).body.count;
        for (const inv of cfg.invalid ?? []) {
          const r = await s.post(path, inv.body(fx));
          expect(r.status, JSON.stringify(r.body)).toBe(400);
          expect(r.body, JSON.stringify(r.body)).toHaveProperty([inv.field]);
        }
        for (const [name, fd] of Object.entries(def.fields)) {
          if (!fd.required || !fd.write) continue;
          const body = create(fx, 9);
          delete body[name];
          const r = await s.post(path, body);
          expect(r.status).toBe(400);
          expect(r.body[name]).toEqual(["This field is required."]);
        }
        expect((await s.get(path)).body.count).toBe(before);
      });

      it("bulk create is all-or-none with per-item errors", async () => {
        const before = (await s.get(path)).body.count;
        const r = await s.post(path, [create(fx, 10), create(fx, 11), { surely_not_a_field: true }]);
        expect(r.status).toBe(400);
        expect(r.body).toHaveLength(3);
        expect(r.body[0]).toEqual({});
        expect(r.body[2]).toHaveProperty("surely_not_a_field");
        if (cfg.invalid?.[0]) {
          const r2 = await s.post(path, [create(fx, 12), cfg.invalid[0].body(fx)]);
          expect(r2.status).toBe(400);
          expect(r2.body[1]).toHaveProperty([cfg.invalid[0].field]);
        }
        expect((await s.get(path)).body.count).toBe(before);
      });

      it("bulk PATCH and PUT update every item or none", async () => {
        const ids = objs.slice(1).map((o) => o.id);
        const ok = await s.patch(
          path,
          ids.map((id) => ({ id, ...patchBody })),
        );
        expect(ok.status, JSON.stringify(ok.body)).toBe(200);
        expect(ok.body.map((o: Obj) => o.id)).toEqual(ids);
        const missing = await s.patch(path, [
          { id: ids[0], ...patchBody },
          { id: 99999999, ...patchBody },
        ]);
        expect(missing.status).toBe(404);
        const noId = await s.put(path, [update(fx)]);
        expect(noId.status).toBe(400);
        expect(noId.body[0]).toHaveProperty("id");
      });
    }

    it("answers OPTIONS with fields, filters and ordering; 405 carries Allow", async () => {
      const r = await s.request("OPTIONS", path);
      expect(r.status).toBe(200);
      if (has("create")) {
        expect(r.headers.get("allow")).toContain("POST");
        expect(Object.keys(r.body.actions.POST)).toEqual(
          expect.arrayContaining(Object.keys(def.fields).filter((f) => def.fields[f]!.write)),
        );
      } else expect(r.headers.get("allow")).not.toContain("POST");
      expect(r.body.filter_parameters).toEqual(def.filterParams.map((p) => p.name));
      expect(r.body.ordering).toEqual(def.ordering);
      const m = await s.post(`${path}${objs[0]!.id}/`, {});
      expect(m.status).toBe(405);
      expect(m.headers.get("allow")).toContain(has("partialUpdate") ? "PATCH" : "GET");
    });

    it("404s missing objects and 415s non-JSON bodies (405 where nothing is written)", async () => {
      expect((await s.get(`${path}99999999/`)).status).toBe(404);
      expect((await s.get(`${path}abc/`)).status).toBe(404);
      if (has("create")) {
        const r = await s.request("POST", path, "name=x", { "content-type": "text/plain" });
        expect(r.status).toBe(415);
      } else {
        expect((await s.post(path, {})).status).toBe(405);
        // The method is checked before the body's type: a non-JSON POST here is a 405 too, not a 415.
        const r = await s.request("POST", path, "name=x", { "content-type": "text/plain" });
        expect(r.status).toBe(405);
        expect(r.headers.get("allow")).not.toContain("POST");
      }
    });

    if (cfg.referencedBy) {
      it("refuses to delete a referenced object, naming the referrer (409)", async () => {
        const target = objs[2]!;
        await cfg.referencedBy!(s, fx, target);
        const r = await s.del(`${path}${target.id}/`);
        expect(r.status).toBe(409);
        expect(r.body.detail).toMatch(/referenced by/);
        expect((await s.get(`${path}${target.id}/`)).status).toBe(200);
      });
    }

    if (has("delete"))
      it("deletes one, then several in bulk; a bulk delete with a missing id deletes nothing", async () => {
        const extra = await s.post(path, [create(fx, 20), create(fx, 21)]);
        expect(extra.status, JSON.stringify(extra.body)).toBe(201);
        const [a, b] = extra.body as Obj[];
        const partial = await s.del(path, [{ id: a!.id }, { id: 99999999 }]);
        expect(partial.status).toBe(404);
        expect((await s.get(`${path}${a!.id}/`)).status).toBe(200);
        expect((await s.del(`${path}${a!.id}/`)).status).toBe(204);
        expect((await s.get(`${path}${a!.id}/`)).status).toBe(404);
        expect((await s.del(path, [{ id: b!.id }])).status).toBe(204);
        expect((await s.get(`${path}${b!.id}/`)).status).toBe(404);
      });

    describePermissionAxis({
      def,
      server: () => s,
      objs: () => objs,
      create: cfg.create && ((i) => create(fx, i)),
      patch: cfg.patch,
      follows: cfg.follows,
      ownRowsOnly: cfg.ownRowsOnly,
      superuserWrites: cfg.superuserWrites,
      seesThrough: cfg.seesThrough,
      callerGroups: () => cfg.callerGroups?.(fx) ?? [],
    });
  });
}

function scalarOf(fd: AnyField, v: any) {
  if (v === null || v === undefined) return v;
  return fd.kind === "fk" ? v.id : fd.kind === "choice" ? v.value : v;
}

function expectField(fd: AnyField, actual: any, sent: unknown, name: string) {
  if (fd.kind === "fk") {
    if (sent === null) expect(actual, name).toBeNull();
    else if (typeof sent === "number") expect(actual.id, name).toBe(sent);
  } else if (fd.kind === "choice") {
    const c = (fd as ChoiceFieldDef).choices;
    expect(actual.value, name).toBe(c.toValue(String(sent)));
  } else if (fd.kind === "m2m") {
    if (Array.isArray(sent) && sent.every((x) => typeof x === "number")) {
      expect(actual.map((x: Obj) => x.id).sort(), name).toEqual([...sent].sort());
    }
  } else {
    expect(actual, name).toEqual(sent);
  }
}

/** A syntactically valid value for a filter parameter. */
function sampleValue(fd: AnyField, lookup: string, by?: string): string {
  if (lookup === "isnull") return "true";
  if (by) return "x";
  switch (fd.kind) {
    case "int":
    case "number":
    case "fk":
    case "m2m":
    case "count":
      return lookup === "in" ? "1,2" : "1";
    case "bool":
      return "true";
    case "date":
      return "2026-01-01";
    case "datetime":
      return "2026-01-01T00:00:00Z";
    case "choice":
      return (fd as ChoiceFieldDef).choices.values[0]!;
    case "ip":
    case "cidr":
      if (lookup === "family") return "4";
      if (lookup.startsWith("net_")) return "10.0.0.0/8";
      if (fd.kind === "ip") return lookup === "in" ? "10.0.0.1,10.0.0.2" : "10.0.0.1";
      return lookup === "in" ? "10.0.0.0/8,10.1.0.0/16" : "10.0.0.0/8";
    case "mac":
      return lookup === "in" ? "00:11:22:33:44:55,00:11:22:33:44:66" : "00:11:22:33:44:55";
    default:
      return lookup === "in" ? "a,b" : "a";
  }
}
