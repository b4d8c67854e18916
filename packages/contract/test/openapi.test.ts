import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DEFAULT_MAX_OFFSET, resourceList } from "../src/index";
import { openapiDocument, openapiYaml } from "../src/openapi/index";

const doc = openapiDocument();
const committedPath = fileURLToPath(new URL("../../../openapi/rackplane.yaml", import.meta.url));
type Op = Record<string, any>;
const operations: [string, string, Op][] = Object.entries(doc.paths).flatMap(([p, item]) =>
  Object.entries(item).map(([m, op]) => [p, m, op as Op] as [string, string, Op]),
);
const opById = new Map(operations.map(([, , op]) => [op.operationId as string, op]));

function resolve(ref: string): unknown {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<any>((o, k) => o?.[k], doc);
}

describe("OpenAPI document", () => {
  it("is committed and current (run `pnpm openapi` when this fails)", () => {
    expect(readFileSync(committedPath, "utf8")).toBe(openapiYaml(doc));
  }, 60_000); // serialising 3 MB of YAML takes seconds on a busy machine

  it("is deterministic and round-trips through YAML", () => {
    expect(openapiYaml(openapiDocument())).toBe(openapiYaml(doc));
    expect(parse(openapiYaml(doc))).toEqual(JSON.parse(JSON.stringify(doc)));
  }, 60_000); // the document is large (every resource); serialising it twice takes seconds on a busy machine

  it("has unique operationIds derived from the contract path", () => {
    const ids = operations.map(([, , op]) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ["dcim_servers_list", "dcim_servers_create", "dcim_servers_retrieve", "dcim_servers_bulk_update"])
      expect(opById.has(id), id).toBe(true);
  });

  it("names a component for every resource schema, choice set and nested brief", () => {
    const names = Object.keys(doc.components.schemas);
    for (const n of [
      "Server",
      "ServerBrief",
      "ServerCreate",
      "ServerPatch",
      "ServerBulkUpdateItem",
      "ServerBulkPatchItem",
      "PaginatedServerList",
      "ServerStatus",
      "ServerStatusChoice",
      "RackBrief",
      "Error",
      "ValidationError",
    ])
      expect(names).toContain(n);
    const server = doc.components.schemas.Server as any;
    expect(server.properties.rack).toEqual({ anyOf: [{ $ref: "#/components/schemas/RackBrief" }, { type: "null" }] });
    expect(server.properties.status).toEqual({ $ref: "#/components/schemas/ServerStatusChoice" });
    expect((doc.components.schemas.ServerStatus as any).enum).toContain("in_use");
  });

  it("resolves every $ref", () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(100);
    for (const r of new Set(refs)) expect(resolve(r.slice(8, -1)), r).toBeDefined();
  });

  it("emits no object schema twice inline", () => {
    const seen = new Map<string, number>();
    const walk = (x: unknown) => {
      if (Array.isArray(x)) return x.forEach(walk);
      if (!x || typeof x !== "object") return;
      const o = x as Record<string, unknown>;
      if (o.type === "object" && o.properties && Object.keys(o.properties).length > 1) {
        const k = JSON.stringify(o);
        seen.set(k, (seen.get(k) ?? 0) + 1);
      }
      Object.values(o).forEach(walk);
    };
    walk(doc.paths);
    for (const s of Object.values(doc.components.schemas)) Object.values(s as object).forEach(walk);
    expect([...seen].filter(([, n]) => n > 1).map(([k]) => k.slice(0, 300))).toEqual([]);
  });

  it("documents every filter of every list with its lookup and type", () => {
    for (const r of resourceList) {
      const list = opById.get(`${r.app}_${r.name.replace(/-/g, "_")}_list`)!;
      const params = new Map(
        (list.parameters as any[]).map((p) => {
          const q = p.$ref ? resolve(p.$ref) : p;
          return [(q as any).name, q];
        }),
      );
      for (const f of r.filterParams) {
        const p = params.get(f.name) as any;
        expect(p, `${r.key} ${f.name}`).toBeDefined();
        if (f.lookup === "isnull") expect(p.schema.type).toBe("boolean");
        else {
          expect(p.schema.type).toBe("array");
          expect(p.explode, `${r.key} ${f.name}`).toBe(f.lookup !== "in");
        }
      }
      for (const name of ["limit", "offset", "ordering", "search"]) expect(params.has(name), name).toBe(true);
    }
    const status = (opById.get("dcim_servers_list")!.parameters as any[]).find((p) => p.name === "status__n");
    expect(status.schema.items).toEqual({ $ref: "#/components/schemas/ServerStatus" });
  });

  it("documents create and bulk create as two operations with plain bodies (bulk at the `#bulk` fragment)", () => {
    const create = doc.paths["/api/dcim/servers/"]!.post as Op;
    const bulk = doc.paths["/api/dcim/servers/#bulk"]!.post as Op;
    expect(create.operationId).toBe("dcim_servers_create");
    expect(bulk.operationId).toBe("dcim_servers_bulk_create");
    const json = (x: any) => x.content["application/json"].schema;
    expect(json(create.requestBody)).toEqual({ $ref: "#/components/schemas/ServerCreate" });
    expect(json(create.responses[201])).toEqual({ $ref: "#/components/schemas/Server" });
    expect(json(bulk.requestBody)).toEqual({
      type: "array",
      items: { $ref: "#/components/schemas/ServerCreate" },
      minItems: 1,
    });
    expect(json(bulk.responses[201])).toEqual({ type: "array", items: { $ref: "#/components/schemas/Server" } });
    // The URL answers an array as the bulk create, errors included.
    expect(create.responses[400]).toEqual({ $ref: "#/components/responses/BulkBadRequest" });
    expect(bulk.responses[400]).toEqual({ $ref: "#/components/responses/BulkBadRequest" });
    expect(Object.keys(create.responses)).toEqual(
      expect.arrayContaining(["201", "400", "401", "403", "409", "413", "415", "429"]),
    );
    expect(create.responses[409]).toEqual({ $ref: "#/components/responses/Conflict" });
    // The other bulk writes have their own method on the list URL.
    for (const m of ["put", "patch", "delete"])
      expect((doc.paths["/api/dcim/servers/"]![m] as Op).operationId).toMatch(/^dcim_servers_bulk_/);
    // Only bulk variants take a fragment, and none has query parameters (a client would put them after `#`).
    for (const [p, m, op] of operations.filter(([p]) => p.includes("#"))) {
      expect(p, `${m} ${p}`).toMatch(/^[^#]+\/#bulk$/);
      expect(
        (op.parameters as any[]).filter((x) => x.in === "query"),
        `${m} ${p}`,
      ).toEqual([]);
    }
  });

  it("returns the model itself from list and retrieve, and documents brief/sparse as the same model", () => {
    const list = opById.get("dcim_servers_list")!;
    const page = resolve(list.responses[200].content["application/json"].schema.$ref) as any;
    expect(page.properties.results.items).toEqual({ $ref: "#/components/schemas/Server" });
    const retrieve = opById.get("dcim_servers_retrieve")!;
    expect(retrieve.responses[200].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Server" });
    const server = doc.components.schemas.Server as any;
    // `?brief=1` and `?fields=` drop properties, so only these three are always there.
    expect(server.required).toEqual(["id", "url", "display"]);
    expect(server.description).toContain("?brief=1");
    expect(Object.keys(doc.components.schemas).filter((n) => n.endsWith("Sparse"))).toEqual([]);
  });

  it("uses no union a generator must compile, but nullability and the id-or-attributes reference", () => {
    const unions: string[] = [];
    const walk = (x: unknown, at: string) => {
      if (Array.isArray(x)) {
        x.forEach((v, i) => {
          walk(v, `${at}/${i}`);
        });
        return;
      }
      if (!x || typeof x !== "object") return;
      const o = x as Record<string, any>;
      for (const k of ["oneOf", "anyOf"]) {
        if (!o[k]) continue;
        const nullable = o[k].length === 2 && o[k].some((s: any) => s.type === "null") && o[k].some((s: any) => s.$ref);
        // ObjectReference itself, and ReferenceAttributes (rules reached only by `if`/`then`, which generators ignore).
        if (
          !nullable &&
          at !== "/components/schemas/ObjectReference" &&
          !at.startsWith("/components/schemas/ReferenceAttributes/")
        )
          unions.push(`${at}: ${JSON.stringify(o[k])}`);
      }
      for (const [k, v] of Object.entries(o)) walk(v, `${at}/${k}`);
    };
    walk(doc, "");
    expect(unions).toEqual([]);
    expect(doc.components.schemas.ObjectReference).toMatchObject({
      oneOf: [{ type: "integer", minimum: 1 }, { $ref: "#/components/schemas/ObjectAttributes" }],
    });
    expect((doc.components.schemas.ServerCreate as any).properties.rack).toMatchObject({
      anyOf: [{ $ref: "#/components/schemas/ObjectReference" }, { type: "null" }],
    });
    expect(doc.components.schemas.ValidationError).toMatchObject({ type: "object", additionalProperties: true });
  });

  it("emits no OPTIONS operation, tags without `/` and no security on public operations", () => {
    expect(operations.filter(([, m]) => m === "options")).toEqual([]);
    const tags = new Set(operations.flatMap(([, , op]) => op.tags as string[]));
    expect(tags.has("dcim-servers")).toBe(true);
    expect([...tags].filter((t) => /[/#?\s]/.test(t))).toEqual([]);
    expect((doc.tags as { name: string }[]).map((t) => t.name).sort()).toEqual([...tags].sort());
    for (const id of ["api_status", "api_status_live", "auth_token_refresh"])
      expect(opById.get(id)!.security, id).toEqual([]);
    expect(opById.get("auth_token_obtain")!.security).toEqual([{ basicAuth: [] }, {}]);
    expect(opById.get("dcim_servers_list")!.security).toBeUndefined(); // the document-wide token or bearer
  });

  it("reads the same under YAML 1.1 and 1.2 parsers (on/off/yes/no, number- and date-like strings quoted)", () => {
    const text = openapiYaml(doc);
    const json = JSON.parse(JSON.stringify(doc));
    // What PyYAML and SnakeYAML (openapi-generator, swagger-parser) implement.
    expect(parse(text, { version: "1.1" })).toEqual(json);
    expect(parse(text, { version: "1.2" })).toEqual(json);
    expect(text).toMatch(/enum: \["on", "off", reset\]\n/); // DcimServersPowerRequest.action, on one line
  }, 60_000);

  it("puts X-Request-ID and API-Version on every response but Node's own 431, and declares the auth schemes", () => {
    for (const [p, m, op] of operations) {
      for (const [status, res] of Object.entries(op.responses as Record<string, any>)) {
        if (status === "431") continue; // answered by the HTTP parser, before any middleware
        const r = (res.$ref ? resolve(res.$ref) : res) as any;
        expect(Object.keys(r.headers ?? {}), `${m} ${p} ${status}`).toEqual(
          expect.arrayContaining(["X-Request-ID", "API-Version"]),
        );
      }
    }
    expect(Object.keys(doc.components.securitySchemes)).toEqual(["tokenAuth", "bearerAuth", "basicAuth"]);
  });

  it("documents 431 on every operation: Node answers it to any request whose headers are too long", () => {
    for (const [p, m, op] of operations)
      expect(op.responses["431"], `${m} ${p}`).toEqual({ $ref: "#/components/responses/RequestHeaderFieldsTooLarge" });
  });

  it("bounds offset by the default maximum offset, page by it + 1, and limit/page_size by int32", () => {
    const params = doc.components.parameters as Record<string, any>;
    expect(params.offset.schema.maximum).toBe(DEFAULT_MAX_OFFSET);
    expect(params.offset.description).toContain("RACKPLANE_MAX_OFFSET");
    expect(params.page.schema.maximum).toBe(DEFAULT_MAX_OFFSET + 1);
    expect(params.limit.schema.maximum).toBe(2147483647);
    expect(params.page_size.schema.maximum).toBe(2147483647);
  });

  it("bounds offset on every operation that has one, lists under an object included, from the one shared parameter", () => {
    const param = (p: Op): Op => (p.$ref ? (resolve(p.$ref) as Op) : p);
    const withOffset = operations.filter(([, , op]) =>
      (op.parameters ?? []).some((p: Op) => param(p).name === "offset"),
    );
    // Resource lists and the lists under one object (a server's firmwares, a profile's credentials).
    const paths = withOffset.map(([p]) => p);
    expect(paths).toContain("/api/dcim/servers/{id}/firmwares/");
    expect(paths).toContain("/api/discovery/auth-profiles/{id}/credentials/");
    for (const [p, m, op] of withOffset) {
      const params = (op.parameters as Op[]).map(param);
      const byName = new Map(params.map((x) => [x.name, x]));
      expect(byName.get("offset")!.schema.maximum, `${m} ${p}`).toBe(DEFAULT_MAX_OFFSET);
      // Every list pages the same way: all five pagination parameters, each the shared component.
      for (const name of ["limit", "offset", "page", "page_size", "cursor"])
        expect(op.parameters, `${m} ${p} ${name}`).toContainEqual({ $ref: `#/components/parameters/${name}` });
    }
    // The operations answering a page (`results` with a `next` link) are exactly those (a
    // transition history is every record at once: `count` and `results`, no pages).
    const paged = operations.filter(([, , op]) => {
      const s = op.responses?.["200"]?.content?.["application/json"]?.schema;
      const body = (s?.$ref ? resolve(s.$ref) : s) as Op | undefined;
      return body?.properties?.next !== undefined && body?.properties?.results !== undefined;
    });
    expect(paged.map(([p, m]) => `${m} ${p}`).sort()).toEqual(withOffset.map(([p, m]) => `${m} ${p}`).sort());
  });

  it("lists exactly the registry's resource types as a permission's object_types (wildcards per app, `*`)", () => {
    const schemas = doc.components.schemas as Record<string, any>;
    for (const name of ["ObjectPermissionCreate", "ObjectPermissionPatch"]) {
      const pattern = new RegExp(schemas[name].properties.object_types.pattern, "u");
      const keys = resourceList.map((r) => r.key);
      for (const key of keys) expect(pattern.test(key), key).toBe(true);
      for (const app of new Set(keys.map((k) => k.split(".")[0]))) expect(pattern.test(`${app}.*`), app).toBe(true);
      expect(pattern.test("*")).toBe(true);
      expect(pattern.test("dcim.servers,ipam.*,*")).toBe(true);
      for (const bad of ["dcim.server", "nope.*", "nope.servers", "dcim.servers,", "dcim.servers, ipam.networks"])
        expect(pattern.test(bad), bad).toBe(false);
    }
  });

  it("says on bulk writes by id that an id may come once, without uniqueItems (generators would make it a Set)", () => {
    for (const [p, m, op] of operations) {
      const body = op.requestBody?.content?.["application/json"]?.schema;
      if (body?.type !== "array") continue;
      // openapi-generator types a uniqueItems array as a Set: typescript-axios would send `{}`.
      expect(body.uniqueItems, `${m} ${p}`).toBeUndefined();
    }
    for (const id of ["dcim_servers_bulk_delete", "dcim_servers_bulk_update", "core_tags_bulk_partial_update"])
      expect(opById.get(id)!.description, id).toMatch(/Each id at most once: an id sent twice is a 400/);
  });

  it("says on every writable free-form JSON field what the server refuses inside it and how it reads numbers", () => {
    const schemas = doc.components.schemas as Record<string, any>;
    for (const name of ["ServerCreate", "ServerPatch", "Server"]) {
      const field = schemas[name].properties.local_context_data;
      expect(field.additionalProperties, name).toEqual({});
      expect(field.description, name).toMatch(/NUL.*unpaired UTF-16 surrogate.*1\.7976931348623157e308/);
    }
    // A read-only JSON value (a change record's data) is only what was stored.
    expect(schemas.ObjectChange.properties.postchange_data.description ?? "").not.toMatch(/400/);
  });

  it("refuses a required text of trimmed characters only, as the server does after trimming", () => {
    const name = (resolve("#/components/schemas/TagCreate") as any).properties.name;
    const re = new RegExp(name.pattern, "u");
    for (const blank of ["   ", "\t\n\r", "\u00a0\u3000\ufeff\u2028"]) {
      expect(blank.trim(), JSON.stringify(blank)).toBe("");
      expect(re.test(blank), JSON.stringify(blank)).toBe(false);
    }
    // \x1c–\x1f are whitespace to Python's `\s`, not to JavaScript's trim: the server keeps them.
    for (const kept of [" a ", "\x1c", "\x1f "]) {
      expect(kept.trim(), JSON.stringify(kept)).not.toBe("");
      expect(re.test(kept), JSON.stringify(kept)).toBe(true);
    }
    expect(re.test("a\u0000")).toBe(false);
    // An optional text may be blank: it keeps the NUL rule alone.
    const description = (resolve("#/components/schemas/TagCreate") as any).properties.description;
    expect(description.pattern).toBe("^[^\\u0000]*$");
  });

  it("requires an aliased field unless its alias is sent, with if/then that generators ignore", () => {
    const create = doc.components.schemas.EventForwardingCreate as any;
    expect(create.required ?? []).not.toContain("payload_url");
    expect(create.if).toEqual({ not: { required: ["url"] } });
    expect(create.then).toEqual({ required: ["payload_url"] });
    expect((doc.components.schemas.EventForwardingPatch as any).if).toBeUndefined();
  });
});
