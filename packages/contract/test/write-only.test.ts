import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { choices, defineResource, f, resourceList } from "../src/index";

/** Every field kind declared write-only, each asking to be filtered, ordered and searched. */
const ask = { writeOnly: true, filter: true, order: true, search: true } as const;
const probe = defineResource({
  app: "probe",
  name: "write-only",
  model: "WriteOnlyProbe",
  description: "Not a real resource: every field kind, write-only.",
  fields: {
    name: f.string({ required: true, search: true }),
    s: f.string(ask),
    t: f.text(ask),
    i: f.int(ask),
    n: f.number(ask),
    b: f.bool(ask),
    d: f.date(ask),
    dt: f.datetime(ask),
    j: f.json(ask),
    c: f.choice(choices("ProbeChoice", { a: "A" }), ask),
    fk: f.fk("probe.other", { ...ask, by: ["name"] }),
    m2m: f.m2m("probe.other", { ...ask, by: ["name"] }),
    ip: f.ip(ask),
    cidr: f.cidr(ask),
    mac: f.mac(ask),
    pw: f.password(),
  },
  brief: ["name"],
});

const writeOnlyOf = (r: (typeof resourceList)[number]) =>
  Object.entries(r.fields)
    .filter(([, fd]) => fd.options.writeOnly)
    .map(([n]) => n);

describe("write-only fields", () => {
  it("of every kind: no filter, no ordering, no search, not read back — whatever the declaration asks", () => {
    const names = writeOnlyOf(probe as never);
    expect(names).toHaveLength(15);
    for (const name of names) {
      expect(
        probe.filterParams.filter((p) => p.field === name),
        name,
      ).toEqual([]);
      expect(
        probe.ordering.filter((o) => o === name || o.startsWith(`${name}__`)),
        name,
      ).toEqual([]);
      expect(probe.searchFields, name).not.toContain(name);
      expect(Object.keys((probe.schemas.Read as z.AnyZodObject).shape), name).not.toContain(name);
    }
    // The other field is untouched.
    expect(probe.searchFields).toEqual(["name"]);
    expect(probe.filterParams.some((p) => p.name === "name__startswith")).toBe(true);
  });

  it("so the list query refuses them as unknown parameters, like any other unknown name", () => {
    const q = probe.schemas.Filters as z.ZodTypeAny;
    expect(q.safeParse({ name__startswith: "a" }).success).toBe(true);
    for (const bad of [{ s__startswith: "a" }, { pw: "x" }, { fk_id: "1" }, { fk__name: "x" }, { ordering: "s" }]) {
      const r = q.safeParse(bad);
      expect(r.success, JSON.stringify(bad)).toBe(false);
    }
    expect(q.safeParse({ no_such_filter: "a" }).success).toBe(false);
  });

  it("holds for every resource of the contract (credentials, BGP sessions, users, forwardings, SIM cards)", () => {
    const all = resourceList.flatMap((r) => writeOnlyOf(r).map((n) => [r, n] as const));
    expect(all.map(([r, n]) => `${r.key}.${n}`)).toEqual(
      expect.arrayContaining([
        "discovery.credentials.password",
        "peering.ixp-sessions.password",
        "users.users.password",
        "core.event-forwardings.basic_password",
      ]),
    );
    for (const [r, n] of all) {
      expect(r.filterParams.filter((p) => p.field === n)).toEqual([]);
      expect(r.ordering).not.toContain(n);
      expect(r.searchFields).not.toContain(n);
    }
  });
});

// Types: a write-only field is no filter parameter of the resource's query type.
type Query = z.input<typeof probe.schemas.Filters>;
// @ts-expect-error write-only: not a filter
const _refused: Query = { s__startswith: "a" };
const _accepted: Query = { name__startswith: "a" };
void _refused;
void _accepted;
