import { resourceList, resources } from "@rackplane/contract";
import { openDatabase, schema } from "@rackplane/db";
import { afterAll, describe, expect, it } from "vitest";
import { defaultPageSettings, defineBinding, ResourceService } from "../src/framework";
import { resourceHandlers } from "../src/framework/handlers";
import { Registry } from "../src/framework/registry";
import { bindings } from "../src/resources";

/**
 * What the compiler checks of the binding tree (test/types/bindings.test-d.ts), checked
 * again at start-up for trees the compiler did not see.
 */
describe("the binding registry", () => {
  it("holds the tree's bindings, one for every resource of the contract", () => {
    const registry = new Registry(bindings);
    expect(
      registry
        .all()
        .map((b) => b.resource.key)
        .sort(),
    ).toEqual(resourceList.map((r) => r.key).sort());
    expect(registry.of("dcim.servers")).toBe(bindings.dcim.servers);
    expect(() => registry.of("dcim.pdus")).toThrow("resource dcim.pdus is not bound to a table");
  });

  it("refuses a binding in another resource's place, a misnamed one and a missing one", () => {
    expect(() => new Registry({ ...bindings, dcim: { ...bindings.dcim, servers: bindings.dcim.racks } })).toThrow(
      "bindings.dcim.servers binds dcim.racks, not dcim.servers",
    );
    const { dataCenters, ...dcim } = bindings.dcim;
    expect(() => new Registry({ ...bindings, dcim: { ...dcim, dataCentres: dataCenters } })).toThrow(
      "bindings.dcim.dataCentres binds dcim.data-centers, not a resource of the contract",
    );
    expect(() => new Registry({ ...bindings, dcim })).toThrow("resources without a binding: dcim.data-centers");
  });
});

describe("a binding's handlers", () => {
  const db = openDatabase({ dataDir: "memory://" });
  afterAll(async () => (await db).close());

  it("serve the contract's routes, and a handler of an undeclared route stops the start", async () => {
    const svc = new ResourceService((await db).db, defaultPageSettings);
    const servers = resourceHandlers(bindings.dcim.servers, svc);
    expect(Object.keys(servers).sort()).toEqual(Object.keys(resources.dcim.servers.routes).sort());
    const racks = defineBinding(resources.dcim.racks, schema.racks, {
      overrides: (_deps, standard) => ({
        delete: standard.delete,
        // Not a route of racks: no request could ever reach it.
        launch: standard.delete,
      }),
    });
    expect(() => resourceHandlers(racks, svc)).toThrow("dcim.racks: handlers of undeclared routes launch");
  });
});
