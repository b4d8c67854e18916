import {
  type AnyField,
  type AnyResource,
  type CountFieldDef,
  type RelationFieldDef,
  resourceList,
} from "@rackplane/contract";
import { beforeAll, describe, expect, it } from "vitest";
import { type Caller, grant, userCaller } from "./callers";
import type { TestServer } from "./harness";

type Obj = Record<string, any>;

/** What the generic suite hands the permission axis once its own tests have run. */
export interface AxisContext {
  def: AnyResource;
  server: () => TestServer;
  /** The suite's sample objects (ids stay; their values are read again). */
  objs: () => Obj[];
  /** A valid create payload as the superuser would send it (absent for read-only resources). */
  create?: (i: number) => Obj;
  patch?: Obj;
  /**
   * The FK field whose target's visibility this resource's rows follow (a server part its
   * server): a caller who cannot see the target cannot see the row, so that relation is
   * checked as "the row disappears" instead of "the reference is blank".
   */
  follows?: string;
  /** Rows the permission model does not govern (a user's own tokens, permissions granted to the caller). */
  ownRowsOnly?: boolean;
  /** Written by superusers only (users, groups): a write is a 403 whatever the caller's permissions. */
  superuserWrites?: boolean;
  /** Resource types a caller must also view to see this resource's rows at all (what polymorphic rows describe, what rows follow). */
  seesThrough?: readonly string[];
  /** Groups the axis' callers are members of (a pool is seen by its group's members only). */
  callerGroups?: () => number[];
}

const MISSING = 99_999_999;
const has = (def: AnyResource, route: string) => route in def.routes;
const isRelation = (fd: AnyField): fd is RelationFieldDef => fd.kind === "fk" || fd.kind === "m2m";
const targetOf = (def: AnyResource, fd: RelationFieldDef) => (fd.target === "self" ? def.key : fd.target);
const ids = (r: { body: { results: Obj[] } }) => r.body.results.map((o) => o.id as number).sort((a, b) => a - b);
const scalar = (v: unknown) =>
  v && typeof v === "object" && !Array.isArray(v) ? ((v as Obj).value ?? (v as Obj).id) : (v as unknown);

/**
 * The permission axis of the generic suite (README "Access control"), derived from the
 * resource's declaration: a caller with no permission, a view-only caller, a caller whose
 * view and change are constrained to one object, and a caller who may use this resource
 * but see nothing it points at — every relation field of the resource (nested read,
 * `*_count`, filters by id and by attribute, ordering, search, FK by id and by attributes,
 * M2M, and a write that keeps a hidden reference).
 */
export function describePermissionAxis(ctx: AxisContext) {
  const { def } = ctx;
  const path = def.path;
  describe(`${def.key} (permission axis)`, () => {
    let s: TestServer;
    const who = {} as Record<"nobody" | "viewer" | "limited" | "blind" | "orphan", Caller>;
    const through = ctx.seesThrough ?? [];
    let objs: Obj[] = [];
    let constraint = { param: "id", value: "" };
    const refused = (res: Promise<{ status: number; body: any }>, action: string) =>
      refusal(res, action, ctx.superuserWrites);
    /** Whether permissions decide this resource's writes (not its own rule, not "superusers only"). */
    const permittedWrites = !ctx.ownRowsOnly && !ctx.superuserWrites;
    const mine = () => `id__in=${objs.map((o) => o.id).join(",")}`;
    /** The superuser's current representation of every sample object, by id. */
    const current = async () => {
      const r = await s.get(`${path}?${mine()}&limit=1000`);
      return new Map((r.body.results as Obj[]).map((o) => [o.id as number, o]));
    };

    beforeAll(async () => {
      s = ctx.server();
      objs = ctx.objs();
      objs = [...(await current()).values()].sort((a, b) => a.id - b.id);
      expect(objs.length).toBeGreaterThanOrEqual(2);
      constraint = constraintFor(def, objs, Object.keys(ctx.patch ?? {}));
      // Every other resource: other apps by wildcard (the field holds at most 1000 characters), this app one by one.
      const app = def.key.split(".")[0]!;
      const others = [...new Set(resourceList.map((r) => r.key.split(".")[0]!).filter((a) => a !== app))].map(
        (a) => `${a}.*`,
      );
      others.push(...resourceList.filter((r) => r.key !== def.key && r.key.startsWith(`${app}.`)).map((r) => r.key));
      const users: Record<string, number> = {};
      for (const name of ["nobody", "viewer", "limited", "blind", "orphan"] as const) {
        const u = await userCaller(s, `axis-${name}`, ctx.callerGroups?.());
        users[name] = u.id;
        who[name] = u.caller;
      }
      const to = (name: string) => ({ users: [users[name]!] });
      const types = (...keys: string[]) => [def.key, ...keys].join(",");
      await grant(s, { name: "axis-viewer", object_types: types(...through), actions: "view", ...to("viewer") });
      await grant(s, {
        name: "axis-limited",
        object_types: def.key,
        actions: "view,change,delete",
        constraints: `${constraint.param}=${encodeURIComponent(constraint.value)}`,
        ...to("limited"),
      });
      // Everything else is in plain view for the constrained caller: only the constraint narrows.
      await grant(s, { name: "axis-limited-rest", object_types: others.join(","), actions: "view", ...to("limited") });
      await grant(s, { name: "axis-blind", object_types: def.key, actions: "view,add,change", ...to("blind") });
      if (through.length)
        await grant(s, {
          name: "axis-blind-through",
          object_types: through.join(","),
          actions: "view",
          ...to("blind"),
        });
      if (ctx.follows) {
        const followed = targetOf(def, def.fields[ctx.follows] as RelationFieldDef);
        const rest = through.filter((k) => k !== followed);
        await grant(s, { name: "axis-orphan", object_types: types(...rest), actions: "view", ...to("orphan") });
      }
    });

    it("a caller without permission finds nothing and may write nothing (403 naming the action)", async () => {
      const c = who.nobody;
      const list = await c.get(`${path}?${mine()}`);
      expect(list.status).toBe(200);
      expect(list.body.count).toBe(0);
      expect(list.body.results).toEqual([]);
      for (const o of objs) expect((await c.get(`${path}${o.id}/`)).status, `GET ${o.id}`).toBe(404);
      if (ctx.ownRowsOnly) return; // their own rule decides writes (tests of that resource)
      if (has(def, "create")) await refused(c.post(path, ctx.create!(13)), "add");
      if (has(def, "partialUpdate")) await refused(c.patch(`${path}${objs[0]!.id}/`, ctx.patch), "change");
      if (has(def, "delete")) await refused(c.del(`${path}${objs[0]!.id}/`), "delete");
      const o = await c.request("OPTIONS", path);
      expect(o.status).toBe(200);
      expect(o.headers.get("allow")).toBe("OPTIONS");
    });

    if (ctx.follows)
      it(`rows follow their ${ctx.follows} out of sight: a caller who cannot see it finds none`, async () => {
        const r = await who.orphan.get(`${path}?${mine()}`);
        expect(r.status).toBe(200);
        expect(r.body.count).toBe(0);
        expect((await who.orphan.get(`${path}${objs[0]!.id}/`)).status).toBe(404);
        // …while the viewer, who sees what they follow, finds every one (next test): the rule, not the grant, hides them.
      });

    // Rows governed by their own rule (a user's tokens) are "not found" for everyone else; the rest does not apply.
    const skip = (() => {}) as unknown as typeof it;
    const governed: typeof it = ctx.ownRowsOnly ? skip : it;
    const writesGoverned: typeof it = permittedWrites ? it : skip;

    governed(
      "a view-only caller lists, counts and reads every object; every write is 403 and changes nothing",
      async () => {
        const c = who.viewer;
        const before = await current();
        const list = await c.get(`${path}?${mine()}`);
        expect(list.status).toBe(200);
        expect(list.body.count).toBe(objs.length);
        expect(ids(list)).toEqual(objs.map((o) => o.id));
        expect(list.queries).toBeLessThanOrEqual(2);
        const one = await c.get(`${path}${objs[0]!.id}/`);
        expect(one.status).toBe(200);
        expect(one.queries).toBeLessThanOrEqual(1);
        if (has(def, "create")) {
          await refused(c.post(path, ctx.create!(14)), "add");
          await refused(c.post(path, [ctx.create!(15)]), "add");
        }
        if (has(def, "partialUpdate")) {
          await refused(c.patch(`${path}${objs[0]!.id}/`, ctx.patch), "change");
          await refused(c.patch(path, [{ id: objs[1]!.id, ...ctx.patch }]), "change");
        }
        if (has(def, "delete")) {
          await refused(c.del(`${path}${objs[0]!.id}/`), "delete");
          await refused(c.del(path, [{ id: objs[1]!.id }]), "delete");
        }
        expect(await current()).toEqual(before);
        const allow = (await c.request("OPTIONS", `${path}${objs[0]!.id}/`)).headers.get("allow");
        expect(allow?.split(", ").sort()).toEqual(["GET", "HEAD", "OPTIONS"]);
        expect((await c.request("OPTIONS", path)).body.actions ?? {}).not.toHaveProperty("POST");
      },
    );

    governed("a constrained caller sees, counts and changes only the matching object, in bounded SQL", async () => {
      const c = who.limited;
      const [inside, outside] = [objs[0]!, objs[1]!];
      const list = await c.get(`${path}?${mine()}`);
      expect(list.status).toBe(200);
      expect(list.body.count, `${constraint.param}=${constraint.value}`).toBe(1);
      expect(ids(list)).toEqual([inside.id]);
      expect(list.queries).toBeLessThanOrEqual(2);
      const detail = await c.get(`${path}${inside.id}/`);
      expect(detail.status).toBe(200);
      expect(detail.queries).toBeLessThanOrEqual(1);
      expect((await c.get(`${path}${outside.id}/`)).status).toBe(404);
      if (!permittedWrites) return;
      if (has(def, "partialUpdate")) {
        expect((await c.patch(`${path}${outside.id}/`, ctx.patch)).status).toBe(404);
        const ok = await c.patch(`${path}${inside.id}/`, ctx.patch);
        expect(ok.status, JSON.stringify(ok.body)).toBe(200);
        expect((await c.patch(path, [{ id: outside.id, ...ctx.patch }])).status).toBe(404);
      }
      if (has(def, "create")) await refused(c.post(path, ctx.create!(16)), "add");
      if (has(def, "delete")) expect((await c.del(`${path}${outside.id}/`)).status).toBe(404);
      expect((await s.get(`${path}${outside.id}/`)).status).toBe(200);
    });

    /** Relation fields of the resource whose target the blind caller cannot see, with the sample's value. */
    const hiddenRelations = (o: Obj) =>
      Object.entries(def.fields)
        .filter(
          ([name, fd]) =>
            isRelation(fd) && ![def.key, ...through].includes(targetOf(def, fd)) && !fd.options.writeOnly && name in o,
        )
        .map(([name, fd]) => ({ name, fd: fd as RelationFieldDef, value: o[name] }))
        .filter(({ value }) => (Array.isArray(value) ? value.length > 0 : value != null));

    governed("an invisible related object is blank, uncounted and unmatched on every read path", async () => {
      const c = who.blind;
      const sample = objs.find((o) => hiddenRelations(o).length) ?? objs[0]!;
      const rels = hiddenRelations(sample);
      const mineList = await c.get(`${path}?${mine()}`);
      expect(mineList.status).toBe(200);
      const seen = (await c.get(`${path}${sample.id}/`)).body as Obj;
      const problems: string[] = [];
      for (const { name, fd, value } of rels) {
        const shown = seen[name];
        const hiddenIds: number[] = fd.kind === "m2m" ? value.map((x: Obj) => x.id) : [value.id];
        if (fd.kind === "m2m") {
          if (shown?.length !== 0) problems.push(`${name}: nested ${JSON.stringify(shown)}`);
        } else if (fd.nullable) {
          if (shown !== null) problems.push(`${name}: nested ${JSON.stringify(shown)}`);
        } else if (shown?.id !== value.id) problems.push(`${name}: required reference not shown as its brief form`);
        for (const x of mineList.body.results as Obj[]) {
          if (fd.kind === "m2m" && x[name]?.some((y: Obj) => hiddenIds.includes(y.id)))
            problems.push(`${name}: listed nested`);
          if (fd.kind === "fk" && fd.nullable && x[name] !== null) problems.push(`${name}: listed nested`);
        }
        if (!fd.nullable && fd.kind === "fk") continue; // a required reference stays shown, and matched as shown
        for (const p of def.filterParams.filter((p) => p.field === name)) {
          const v =
            p.lookup === "isnull"
              ? "true"
              : p.by
                ? (fd.kind === "m2m" ? value[0] : value)[p.by]
                : ["exact", "in"].includes(p.lookup)
                  ? String(hiddenIds[0])
                  : undefined;
          if (v === undefined || v === null) continue;
          const r = await c.get(`${path}?${mine()}&${p.name}=${encodeURIComponent(String(v))}`);
          if (r.status !== 200) {
            problems.push(`?${p.name}=${v} → ${r.status}`);
            continue;
          }
          const hit = ids(r).includes(sample.id);
          // A hidden reference matches as an empty one: `__isnull=true` and `__n` find the object, the rest do not.
          const expected = p.lookup === "isnull" || p.lookup === "n";
          if (hit !== expected) problems.push(`?${p.name}=${v} ${hit ? "matched" : "did not match"} the object`);
        }
        for (const by of fd.kind === "fk" ? fd.by : []) {
          const r = await c.get(`${path}?${mine()}&ordering=${name}__${by}`);
          if (r.status !== 200) problems.push(`ordering=${name}__${by} → ${r.status}`);
          else if (r.body.results.some((x: Obj) => x[name] !== null)) problems.push(`ordering ${name}__${by} shows it`);
        }
      }
      // Search reads the resource's own fields: the hidden object's name finds what it finds for the superuser.
      for (const { fd, value } of rels) {
        const term = fd.kind === "fk" ? value.display : value[0]?.display;
        if (!def.searchFields.length || typeof term !== "string") continue;
        const q = `${path}?${mine()}&search=${encodeURIComponent(term)}`;
        const [mineHits, allHits] = [ids(await c.get(q)), ids(await s.get(q))];
        if (!allHits.every((id) => mineHits.includes(id))) problems.push(`search ${term}`);
        for (const id of mineHits) if (!allHits.includes(id)) problems.push(`search ${term} found ${id}`);
      }
      // Every `*_count` counts rows of another resource, which this caller cannot see.
      for (const [name, fd] of Object.entries(def.fields)) {
        if (fd.kind !== "count" || (fd as CountFieldDef).countOf.resource === def.key) continue;
        for (const x of mineList.body.results as Obj[]) if (x[name] !== 0) problems.push(`${name} = ${x[name]}`);
      }
      expect(problems).toEqual([]);
    });

    writesGoverned(
      "an invisible related object is refused by id and by attributes exactly like a missing one",
      async () => {
        if (!has(def, "create")) return;
        const c = who.blind;
        const body = ctx.create!(17);
        const sample = (await current()).get(objs[0]!.id)!;
        const rels = Object.entries(def.fields).filter(
          ([name, fd]) =>
            isRelation(fd) &&
            fd.write &&
            ![def.key, ...through].includes(targetOf(def, fd)) &&
            body[name] != null &&
            body[name] !== "",
        ) as [string, RelationFieldDef][];
        const refs = rels.filter(([name, fd]) => fd.kind === "fk" || body[name].length);
        if (!refs.length) return;
        const before = (await s.get(path)).body.count;
        const hidden = await c.post(path, body);
        expect(hidden.status, JSON.stringify(hidden.body)).toBe(400);
        for (const [name] of refs) expect(hidden.body, name).toHaveProperty([name]);
        // The same body with every reference pointing nowhere: the same answer, modulo the ids.
        const nowhere = Object.fromEntries(
          Object.entries(body).map(([k, v]) => {
            const fd = def.fields[k];
            if (!fd || !refs.some(([n]) => n === k)) return [k, v];
            return [k, fd.kind === "m2m" ? (v as unknown[]).map(() => MISSING) : MISSING];
          }),
        );
        const missing = await c.post(path, nowhere);
        expect(missing.status).toBe(400);
        for (const [name] of refs) {
          const shapeOf = (x: unknown) => JSON.stringify(x).replace(/\d+/g, "<n>");
          if (typeof body[name] === "number")
            expect(shapeOf(hidden.body[name]), name).toBe(shapeOf(missing.body[name]));
        }
        // By attributes: the target's own identifying values, as the superuser reads them — answered like values nobody has.
        const byAttr = { ...body };
        const byNothing = { ...body };
        const values: string[] = [];
        for (const [name, fd] of refs) {
          const ref = fd.kind === "m2m" ? sample[name]?.[0] : sample[name];
          const by = fd.by.find((b) => ref && typeof ref[b] === "string" && ref[b].length > 2);
          if (!by) continue;
          const wrap = (v: string) => (fd.kind === "m2m" ? [{ [by]: v }] : { [by]: v });
          byAttr[name] = wrap(ref[by]);
          byNothing[name] = wrap("no-such-object");
          values.push(ref[by]);
        }
        if (values.length) {
          const r = await c.post(path, byAttr);
          const none = await c.post(path, byNothing);
          expect(r.status, JSON.stringify(r.body)).toBe(400);
          let [a, b] = [JSON.stringify(r.body), JSON.stringify(none.body)];
          for (const v of values) a = a.split(v).join("no-such-object");
          expect(a).toBe(b);
        }
        if (has(def, "partialUpdate")) {
          const patch = Object.fromEntries(refs.map(([name]) => [name, body[name]]));
          const r = await c.patch(`${path}${objs[0]!.id}/`, patch);
          expect(r.status, JSON.stringify(r.body)).toBe(400);
          for (const [name] of refs) expect(r.body, name).toHaveProperty([name]);
        }
        expect((await s.get(path)).body.count).toBe(before);
      },
    );

    writesGoverned("a write of a visible object keeps the hidden references it was shown blank", async () => {
      if (!has(def, "partialUpdate")) return;
      const c = who.blind;
      const before = await current();
      const sample = [...before.values()].find((o) =>
        hiddenRelations(o).some(({ fd }) => fd.kind === "m2m" || fd.nullable),
      );
      if (!sample) return;
      const blanks = hiddenRelations(sample).filter(({ fd }) => fd.write && (fd.kind === "m2m" || fd.nullable));
      if (!blanks.length) return;
      const r = await c.patch(
        `${path}${sample.id}/`,
        Object.fromEntries(blanks.map(({ name, fd }) => [name, fd.kind === "m2m" ? [] : null])),
      );
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const after = (await s.get(`${path}${sample.id}/`)).body;
      for (const { name } of blanks) expect(refIds(after[name]), name).toEqual(refIds(sample[name]));
    });
  });
}

const refIds = (v: unknown) => (Array.isArray(v) ? v.map((x: Obj) => x.id).sort() : ((v as Obj | null)?.id ?? null));

/** A 403 that names the action (or, for a resource only superusers write, says so). */
async function refusal(res: Promise<{ status: number; body: any }>, action: string, superusersOnly?: boolean) {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(403);
  expect(r.body.detail).toMatch(superusersOnly ? /superusers/ : new RegExp(`\\b${action}\\b`));
}

/**
 * A constraint in the list filter language that selects the first sample object only:
 * an exact filter on a plain field whose value the other samples do not share (so it
 * reads like an operator's rule) and the suite's PATCH leaves alone, else its id.
 */
function constraintFor(def: AnyResource, objs: Obj[], patched: string[]): { param: string; value: string } {
  for (const p of def.filterParams) {
    const fd = def.fields[p.field];
    if (!fd || p.by || p.lookup !== "exact" || p.name !== p.field || isRelation(fd) || fd.kind === "count") continue;
    if (patched.includes(p.field)) continue; // the constrained caller's PATCH must keep the object inside
    const v = scalar(objs[0]![p.field]);
    if (typeof v !== "string" && typeof v !== "number") continue;
    if (v === "" || objs.slice(1).some((o) => scalar(o[p.field]) === v)) continue;
    if (typeof v === "string" && fd.kind === "datetime") continue;
    return { param: p.name, value: String(v) };
  }
  return { param: "id", value: String(objs[0]!.id) };
}
