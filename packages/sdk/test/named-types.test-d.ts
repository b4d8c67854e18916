import { describe, expectTypeOf, it } from "vitest";
import {
  type CreateInput,
  type EventForwarding,
  type EventForwardingCreate,
  type EventForwardingPatch,
  type Job,
  type ListFilters,
  type Model,
  type PatchInput,
  Rackplane,
  type Server,
  type ServerBrief,
  type ServerCreate,
  type ServerFilters,
  type ServerPatch,
  type Tag,
} from "../src";

// Type tests: checked by `tsc -p .` (the first step of the test script), never executed.
const rp = new Rackplane({ baseUrl: "http://127.0.0.1:9" });

describe("named model types and job helpers", () => {
  it("names every resource's types after its model", () => {
    // Every resource's printed types are checked against these generics in generated.test-d.ts.
    expectTypeOf<Server>().toMatchTypeOf<Model<"dcim", "servers">>();
    expectTypeOf<Model<"dcim", "servers">>().toMatchTypeOf<Server>();
    expectTypeOf<ServerCreate>().toMatchTypeOf<CreateInput<"dcim", "servers">>();
    expectTypeOf<PatchInput<"dcim", "servers">>().toMatchTypeOf<ServerPatch>();
    expectTypeOf<ServerFilters>().toMatchTypeOf<ListFilters<"dcim", "servers">>();
    expectTypeOf<Tag["slug"]>().toEqualTypeOf<string>();
    expectTypeOf<ServerBrief>().toHaveProperty("name");
    expectTypeOf<Job["status"]["value"]>().toEqualTypeOf<
      "pending" | "running" | "completed" | "failed" | "cancelled"
    >();
    const create: ServerCreate = { name: "web-01", position: 3 };
    // @ts-expect-error: `name` is required
    const nameless: ServerCreate = { position: 3 };
    // @ts-expect-error: not a filter of servers
    const wrong: ServerFilters = { colour: "red" };
    // @ts-expect-error: `id` is read-only: absent from write types (the server assigns it)
    const withId: ServerCreate = { name: "web-01", id: 3 };
    // @ts-expect-error: `created` is read-only
    const patchCreated: ServerPatch = { created: "2026-01-01T00:00:00Z" };
    // Write enums: a value or its label, nothing else.
    const byValue: ServerPatch = { status: "in_use" };
    const byLabel: ServerPatch = { status: "In use" };
    // @ts-expect-error: not a status of servers
    const badStatus: ServerPatch = { status: "exploded" };
    void [create, nameless, wrong, withId, patchCreated, byValue, byLabel, badStatus];
  });

  it("gives job-starting routes an …AndWait form resolving with the job, and only those", () => {
    const waited = () => rp.dcim.servers.refreshInventoryAndWait(1, {}, { wait: { timeoutMs: 1000 } });
    expectTypeOf(waited).returns.toEqualTypeOf<Promise<Job>>();
    expectTypeOf(() => rp.core.jobs.wait(1, { onProgress: (j) => j.progress })).returns.toEqualTypeOf<Promise<Job>>();
    // @ts-expect-error: create answers 201, it starts no job
    rp.dcim.servers.createAndWait({ name: "x" });
    // @ts-expect-error: wait options are checked
    rp.core.jobs.wait(1, { timeoutSeconds: 5 });
  });

  it("takes a write alias where its field goes, and reads only the field", () => {
    // Ralph LRS's six keys as they are: `url` for `payload_url`, no name (the server derives it).
    const lrs: EventForwardingCreate = {
      is_active: true,
      url: "https://lrs1.example.com/xAPI/statements",
      basic_username: "ralph",
      basic_password: "PASSWORD1",
      max_retries: 1,
      timeout: 5,
    };
    const moved: EventForwardingPatch = { url: "https://lrs2.example.com/xAPI/statements" };
    expectTypeOf<EventForwardingCreate>().toMatchTypeOf<CreateInput<"core", "eventForwardings">>();
    expectTypeOf<EventForwarding["payload_url"]>().toEqualTypeOf<string>();
    // Read, `url` is the object's own address, as on every model.
    expectTypeOf<EventForwarding["url"]>().toEqualTypeOf<string>();
    // @ts-expect-error: the alias has the field's type
    const badUrl: EventForwardingPatch = { url: 5 };
    void [lrs, moved, badUrl];
  });

  it("collects list items with toArray", () => {
    expectTypeOf(() => rp.dcim.servers.list().toArray({ limit: 10 })).returns.toEqualTypeOf<Promise<Server[]>>();
  });
});
