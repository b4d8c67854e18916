import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Rackplane } from "../src";
import { startServer, type TestServer } from "./server";

/**
 * What selection.test-d.ts types, the server does: `fields` answers with those fields
 * plus id, url and display, `exclude` with every field but those, `brief` with the
 * brief form, and `ordering` by a typed name sorts.
 */
let s: TestServer;
let rp: Rackplane;
const TOKEN = "abcdef0123456789abcdef0123456789abcdef01";

beforeAll(async () => {
  s = await startServer({ RACKPLANE_ADMIN_TOKEN: TOKEN });
  rp = new Rackplane({ baseUrl: s.baseUrl, token: TOKEN });
  await rp.dcim.servers.bulkCreate([
    { name: "sel-b", serial_number: "SN-2" },
    { name: "sel-a", serial_number: "SN-1" },
  ]);
});
afterAll(async () => s?.close());

const keys = (o: object) => Object.keys(o).sort();

describe("results chosen by brief, fields and exclude", () => {
  it("returns the typed fields, the full form, the brief form", async () => {
    const sparse = await rp.dcim.servers.list({
      name__startswith: "sel-",
      fields: ["name", "serial_number"],
      ordering: "-name",
    });
    expect(sparse.results.map((x) => [x.name, x.serial_number])).toEqual([
      ["sel-b", "SN-2"],
      ["sel-a", "SN-1"],
    ]);
    expect(keys(sparse.results[0]!)).toEqual(["display", "id", "name", "serial_number", "url"]);

    const one = await rp.dcim.servers.retrieve(sparse.results[0]!.id, { fields: "name" });
    expect(keys(one)).toEqual(["display", "id", "name", "url"]);

    const without = await rp.dcim.servers.retrieve(one.id, { exclude: ["local_context_data", "licences"] });
    expect(Object.keys(without)).not.toContain("local_context_data");
    expect(without.status.value).toBe("new");

    const brief = await rp.dcim.servers.list({ name: "sel-a", brief: true });
    expect(keys(brief.results[0]!)).toEqual(["display", "id", "name", "url"]);
    const full = await rp.dcim.servers.list({ name: "sel-a", brief: false });
    expect(keys(full.results[0]!)).toContain("status");
  });
});
