import { describe, expectTypeOf, it } from "vitest";
import {
  type BadRequestError,
  type CreateInput,
  isBadRequest,
  type Page,
  type PagePromise,
  Rackplane,
  type Server,
  type ServerCreate,
} from "../src";

// Type tests: checked by `tsc -p .` (the first step of the test script), never executed.
const rp = new Rackplane({ baseUrl: "http://127.0.0.1:9" });

describe("types derived from the contract", () => {
  it("types list filters by the declared lookups", () => {
    const ok = () =>
      rp.dcim.servers.list({
        status: ["in_use", "free"],
        name__icontains: "web",
        rack_id: 3,
        rack__name: "R1",
        position__gte: 2,
        asset_tag__isnull: true,
        ordering: ["-created", "name"],
        limit: 10,
      });
    expectTypeOf(ok).returns.toEqualTypeOf<PagePromise<Server>>();
    // @ts-expect-error: `name__gte` is not a lookup of a string field
    rp.dcim.servers.list({ name__gte: "a" });
    rp.dcim.servers.list({ rack__isnull: true, asset_model__name: ["R650"] });
    rp.dcim.serverRooms.list({ data_center__slug: "fra1", data_center__name: "FRA1" });
    // @ts-expect-error: relation filters by attribute only for the relation's declared `by` fields
    rp.dcim.servers.list({ rack__slug: "r1" });
    // @ts-expect-error: misspelled field
    rp.dcim.servers.list({ stauts: "in_use" });
    // @ts-expect-error: not a status value
    rp.dcim.servers.list({ status: "broken" });
    // @ts-expect-error: ordering-style lookups do not exist on choices
    rp.dcim.servers.list({ status__icontains: "use" });
  });

  it("types results and pages", async () => {
    const page = await rp.dcim.servers.list();
    expectTypeOf(page).toEqualTypeOf<Page<Server>>();
    expectTypeOf(page.results[0]!.status.value).toEqualTypeOf<
      "new" | "in_use" | "to_deploy" | "free" | "damaged" | "liquidated" | "in_repair" | "reserved"
    >();
    expectTypeOf(page.results[0]!.name).toEqualTypeOf<string>();
    for await (const s of rp.dcim.servers.list()) expectTypeOf(s).toEqualTypeOf<Server>();
    const one = await rp.dcim.servers.retrieve(1);
    expectTypeOf(one.requestId).toEqualTypeOf<string>();
    expectTypeOf(one.position).toEqualTypeOf<number | null>();
    // @ts-expect-error: no such field on a server
    one.hostname;
  });

  it("types writes", async () => {
    expectTypeOf(rp.dcim.servers.create).parameter(0).toEqualTypeOf<ServerCreate>();
    const created = await rp.dcim.servers.create({ name: "web-1", status: "in_use", rack: { name: "R1" } });
    expectTypeOf(created).toMatchTypeOf<Server>();
    // @ts-expect-error: name is required on create
    rp.dcim.servers.create({ status: "new" });
    // @ts-expect-error: unknown field
    rp.dcim.servers.create({ name: "x", hostname: "y" });
    rp.dcim.servers.patch(1, { position: 3 });
    // @ts-expect-error: patch needs an id
    rp.dcim.servers.patch({ position: 3 });
    // @ts-expect-error: wrong type
    rp.dcim.servers.patch(1, { position: "3" });
    const many = await rp.dcim.servers.bulkCreate([{ name: "a" }, { name: "b" }]);
    expectTypeOf(many[0]!).toEqualTypeOf<Server>();
    await rp.dcim.servers.bulkPatch([{ id: 1, status: "free" }]);
    // @ts-expect-error: bulk items need their id
    rp.dcim.servers.bulkPatch([{ status: "free" }]);
    await rp.dcim.servers.bulkDelete([{ id: 1 }]);
    expectTypeOf(rp.dcim.servers.delete(1)).resolves.toEqualTypeOf<void>();
  });

  it("types transitions by the workflow's names", async () => {
    const t = await rp.dcim.servers.transitions(1);
    expectTypeOf(t.current).toEqualTypeOf<string>();
    const s = await rp.dcim.servers.runTransition(1, "install", { reason: "racked" });
    expectTypeOf(s).toMatchTypeOf<Server>();
    // @ts-expect-error: not a transition of servers
    rp.dcim.servers.runTransition(1, "explode");
    // @ts-expect-error: racks have no workflow
    rp.dcim.racks.runTransition;
  });

  it("types declared actions from their schemas", async () => {
    const free = await rp.ipam.networks.availableIps(1, { limit: 5 });
    expectTypeOf(free[0]!.family).toEqualTypeOf<4 | 6>();
    // @ts-expect-error: the action's query has no such parameter
    rp.ipam.networks.availableIps(1, { size: 5 });
    const ip = await rp.ipam.networks.allocateIp(1, { description: "bmc" });
    expectTypeOf(ip.address).toEqualTypeOf<string>();
    // @ts-expect-error: the address comes from the network, not the caller
    rp.ipam.networks.allocateIp(1, { address: "10.0.0.9" });
  });

  it("narrows 400 field errors to the resource's fields", () => {
    const e: unknown = null;
    if (isBadRequest(e, rp.dcim.servers)) {
      expectTypeOf(e).toEqualTypeOf<BadRequestError<keyof CreateInput<"dcim", "servers"> & string>>();
      expectTypeOf(e.fieldErrors.name).toEqualTypeOf<string[] | undefined>();
      // @ts-expect-error: not a field of servers
      e.fieldErrors.hostname;
    }
  });
});
