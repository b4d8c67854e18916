import { resourceList } from "@rackplane/contract";
import { openapiDocument } from "@rackplane/contract/openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { make, startServer, type TestServer } from "./harness";

/**
 * Free-form JSON fields (`local_context_data` and the like) take any JSON object the database
 * can store as sent, and their documented description says what else is a 400, at any depth:
 * a NUL or an unpaired UTF-16 surrogate in a key or a string (PostgreSQL's jsonb refuses both,
 * which used to surface as "A value is out of range or malformed."), and a number beyond
 * ±1.7976931348623157e308, which JSON.parse reads as Infinity and would have stored as null.
 */
let s: TestServer;
const doc = openapiDocument() as any;

/** Every writable free-form JSON field of every resource: [list path, field]. */
const freeForm = resourceList.flatMap((r) =>
  Object.entries(r.fields)
    .filter(([, fd]) => fd.kind === "json" && fd.write && !(fd.options as { schema?: unknown }).schema)
    .map(([name]) => [r.path, name] as const),
);

beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => s?.close());

describe("free-form JSON fields", () => {
  it("exist, and each documents the rules below", () => {
    expect(freeForm.map(([p, f]) => `${p}${f}`)).toContain("/api/dcim/servers/local_context_data");
    expect(freeForm.length).toBeGreaterThan(4);
    const server = doc.components.schemas.ServerCreate.properties.local_context_data;
    expect(server.description).toMatch(/NUL character or an unpaired UTF-16 surrogate is a 400/);
    expect(server.description).toMatch(/beyond ±1\.7976931348623157e308 is a 400/);
  });

  it("refuse a NUL or an unpaired surrogate in a key or string at any depth, a 400 on the field (single and bulk)", async () => {
    const bodies: [string, RegExp][] = [
      ['{"a\\u0000": 1}', /Null characters/],
      ['{"a": {"b\\u0000": 1}}', /Null characters/],
      ['{"a": [{"\\u0000": 1}]}', /Null characters/],
      ['{"a": ["b\\u0000"]}', /Null characters/],
      ['{"\\ud800": 1}', /Unpaired UTF-16 surrogates/],
      ['{"a": "x\\udc00y"}', /Unpaired UTF-16 surrogates/],
      ['{"a": [1, {"b": "\\ud83d"}]}', /Unpaired UTF-16 surrogates/],
    ];
    for (const [path, field] of freeForm)
      for (const [value, message] of bodies) {
        const one = await s.post(path, `{"${field}": ${value}}`);
        expect(one.status, `${path} ${field} ${value}`).toBe(400);
        expect(one.body, `${path} ${field} ${value}`).toEqual({ [field]: [expect.stringMatching(message)] });
      }
    const [path, field] = freeForm[0]!;
    const bulk = await s.post(path, `[{"${field}": {}}, {"${field}": {"k\\u0000": 1}}]`);
    expect(bulk.status).toBe(400);
    expect(bulk.body).toEqual([{}, { [field]: ["Null characters are not allowed."] }]);
  });

  it("refuse a number beyond the largest double instead of storing null, a 400 on the field", async () => {
    for (const [path, field] of freeForm)
      for (const n of ["1e400", "-1e309", `1${"0".repeat(400)}`]) {
        const r = await s.post(path, `{"${field}": {"a": {"b": [${n}]}}}`);
        expect(r.status, `${path} ${field} ${n.slice(0, 10)}`).toBe(400);
        expect(r.body).toEqual({ [field]: ["Numbers must be within ±1.7976931348623157e308 (a double)."] });
      }
  });

  it("store every other JSON value: doubles at both ends, -0, large integers as the nearest double, astral keys", async () => {
    const server = await make(s, "/api/dcim/servers/", { name: "json-extremes" });
    const text =
      '{"local_context_data": {"max": 1.7976931348623157e308, "min": -1.7976931348623157e308, "tiny": 5e-324, ' +
      '"underflow": 1e-400, "neg0": -0, "big": 123456789012345678901234567890, "exp": 1E+2, ' +
      '"pair": "\\ud83d\\ude0d", "😍": [null, true, {"": ""}]}}';
    const r = await s.patch(`/api/dcim/servers/${server.id}/`, text);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const stored = (await s.get(`/api/dcim/servers/${server.id}/`)).body.local_context_data;
    expect(stored).toEqual({
      max: 1.7976931348623157e308,
      min: -1.7976931348623157e308,
      tiny: 5e-324,
      underflow: 0,
      neg0: 0,
      big: 1.2345678901234568e29,
      exp: 100,
      pair: "😍",
      "😍": [null, true, { "": "" }],
    });
  });
});
