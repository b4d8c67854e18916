import { describe, expectTypeOf, it } from "vitest";
import {
  Rackplane,
  type Server,
  type ServerBrief,
  type ServerField,
  type ServerFilters,
  type ServerOrdering,
  type Tag,
} from "../src";

// Type tests: checked by `tsc -p .` (the first step of the test script), never executed.
const rp = new Rackplane({ baseUrl: "http://127.0.0.1:9" });

describe("ordering and fields typed by field name, results by brief/fields/exclude", () => {
  it("takes only the resource's orderable fields, ascending or descending", () => {
    rp.dcim.servers.list({ ordering: "-name" });
    rp.dcim.servers.list({ ordering: ["rack__name", "-created"] });
    expectTypeOf<"name" | "-name" | "rack__name">().toMatchTypeOf<ServerOrdering>();
    // @ts-expect-error: not a field of servers
    rp.dcim.servers.list({ ordering: "hostname" });
    // @ts-expect-error: descending is `-name`, not `name-`
    rp.dcim.servers.list({ ordering: ["name-"] });
    // @ts-expect-error: tags have no `rack`
    rp.core.tags.list({ ordering: "rack__name" });
  });

  it("takes only the resource's fields in `fields` and `exclude`", () => {
    expectTypeOf<"id" | "name" | "rack" | "local_context_data">().toMatchTypeOf<ServerField>();
    // @ts-expect-error: not a field of servers
    rp.dcim.servers.list({ fields: ["id", "hostname"] });
    // @ts-expect-error: not a field of servers
    rp.dcim.servers.retrieve(1, { exclude: ["colour"] });
    // @ts-expect-error: a comma-separated string is not typed by name; pass an array
    const commas: ServerFilters = { fields: "id,name" };
    void commas;
  });

  it("types `fields` results as the chosen fields plus id, url and display", async () => {
    const page = await rp.dcim.servers.list({ fields: ["name", "rack"], status: "in_use" });
    const s = page.results[0]!;
    expectTypeOf(s).toEqualTypeOf<Pick<Server, "id" | "url" | "display" | "name" | "rack">>();
    // @ts-expect-error: `status` was not asked for
    s.status;
    const one = await rp.dcim.servers.retrieve(1, { fields: "name" });
    expectTypeOf(one.name).toEqualTypeOf<string>();
    expectTypeOf(one.requestId).toEqualTypeOf<string>();
    // @ts-expect-error: only `name` was asked for
    one.serial_number;
    for await (const x of rp.dcim.servers.list({ fields: ["serial_number"] })) {
      expectTypeOf(x).toEqualTypeOf<Pick<Server, "id" | "url" | "display" | "serial_number">>();
    }
  });

  it("types `exclude` results as every field but those", async () => {
    const one = await rp.dcim.servers.retrieve(1, { exclude: ["local_context_data", "id"] });
    // @ts-expect-error: excluded
    one.local_context_data;
    expectTypeOf(one.id).toEqualTypeOf<number>(); // id, url and display always come
    expectTypeOf(one.status.value).toEqualTypeOf<Server["status"]["value"]>();
  });

  it("types `brief` results as the brief form", async () => {
    const page = await rp.dcim.servers.list({ brief: true, limit: 5 });
    expectTypeOf(page.results).toEqualTypeOf<ServerBrief[]>();
    expectTypeOf(await rp.dcim.servers.retrieve(1, { brief: "1" })).toMatchTypeOf<ServerBrief>();
    expectTypeOf<keyof ServerBrief>().toEqualTypeOf<"id" | "url" | "display" | "name">();
    // `brief: false` is the full form.
    expectTypeOf((await rp.dcim.servers.list({ brief: false })).results[0]!).toEqualTypeOf<Server>();
    expectTypeOf((await rp.core.tags.list({ brief: true })).results[0]!).not.toEqualTypeOf<Tag>();
    // @ts-expect-error: the brief form has no status
    page.results[0]!.status;
  });

  it("still checks the other filters of a selecting call", () => {
    // @ts-expect-error: misspelled filter next to `fields`
    rp.dcim.servers.list({ fields: ["name"], stauts: "in_use" });
    // @ts-expect-error: misspelled filter next to `brief`
    rp.dcim.servers.list({ brief: true, stauts: "in_use" });
  });
});
