import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { resourceList } from "../src/index";
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
  });

  it("is deterministic and round-trips through YAML", () => {
    expect(openapiYaml(openapiDocument())).toBe(openapiYaml(doc));
    expect(parse(openapiYaml(doc))).toEqual(JSON.parse(JSON.stringify(doc)));
  }, 30_000); // the document is large (every resource); serialising it twice takes seconds on a busy machine

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

  it("shares POST between create and bulk create with oneOf, as NetBox does", () => {
    const create = opById.get("dcim_servers_create")!;
    expect(create.requestBody.content["application/json"].schema).toEqual({
      oneOf: [
        { $ref: "#/components/schemas/ServerCreate" },
        { type: "array", items: { $ref: "#/components/schemas/ServerCreate" } },
      ],
    });
    expect(Object.keys(create.responses)).toEqual(
      expect.arrayContaining(["201", "400", "401", "403", "409", "413", "415", "429"]),
    );
    expect(create.responses[409]).toEqual({ $ref: "#/components/responses/Conflict" });
  });

  it("puts X-Request-ID and API-Version on every response, and declares the auth schemes", () => {
    for (const [p, m, op] of operations) {
      for (const [status, res] of Object.entries(op.responses as Record<string, any>)) {
        const r = (res.$ref ? resolve(res.$ref) : res) as any;
        expect(Object.keys(r.headers ?? {}), `${m} ${p} ${status}`).toEqual(
          expect.arrayContaining(["X-Request-ID", "API-Version"]),
        );
      }
    }
    expect(Object.keys(doc.components.securitySchemes)).toEqual(["tokenAuth", "bearerAuth", "basicAuth"]);
  });
});
