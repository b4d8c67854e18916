import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { appDocument, appNames, openapiDocument } from "@rackplane/contract/openapi";
import { describe, expect, it } from "vitest";

/**
 * The Swagger UI plugin's `reachable` (src/docs/browser/swagger-subtree.js), run here on
 * every app's document: for every operation and every schema, the part it hands to
 * swagger-client holds the subtree unchanged and everything its references reach, so the
 * resolver cannot see a difference (test/docs-ui.test.ts compares the resolved results in
 * Chromium). The script is a plain browser file; it is run as the browser would, on a `window`.
 */
type Doc = Record<string, any>;
type Reachable = (doc: Doc, path: string[]) => Doc | undefined;
const sandbox: { window: { RackplaneSwaggerSubtree?: { reachable?: Reachable } } } = { window: {} };
runInNewContext(readFileSync(new URL("../src/docs/browser/swagger-subtree.js", import.meta.url), "utf8"), sandbox);
const reachable = sandbox.window.RackplaneSwaggerSubtree?.reachable;
if (!reachable) throw new Error("swagger-subtree.js defines no window.RackplaneSwaggerSubtree.reachable");

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const full = openapiDocument();

/** The value at a local `$ref` ("#/a/b~1c"), or undefined. */
function at(doc: Doc, ref: string): unknown {
  let v: unknown = doc;
  for (const t of ref.slice(2).split("/")) {
    const key = decodeURIComponent(t).replace(/~1/g, "/").replace(/~0/g, "~");
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, key)) return undefined;
    v = Reflect.get(v, key);
  }
  return v;
}

/** Every `$ref` string under `v`. */
function refsIn(v: unknown, out: string[] = []): string[] {
  if (v === null || typeof v !== "object") return out;
  for (const [k, inner] of Object.entries(v)) {
    if (k === "$ref" && typeof inner === "string") out.push(inner);
    else refsIn(inner, out);
  }
  return out;
}

describe("Swagger UI: the part of a document a subtree reaches", () => {
  it("holds each operation and schema of every app's document unchanged, with every reference resolvable", () => {
    let checked = 0;
    for (const app of appNames(full)) {
      const doc: Doc | undefined = appDocument(full, app);
      expect(doc, app).toBeDefined();
      if (!doc) continue;
      const subtrees = [
        ...Object.entries<Doc>(doc.paths).flatMap(([p, item]) =>
          METHODS.filter((m) => item[m]).map((m) => ["paths", p, m]),
        ),
        ...Object.keys(doc.components.schemas).map((name) => ["components", "schemas", name]),
        ["components", "securitySchemes"],
      ];
      for (const path of subtrees) {
        const part = reachable(doc, path);
        expect(part, path.join(" ")).toBeDefined();
        if (!part) continue;
        expect(at(part, `#/${path.map((t) => t.replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`)).toBe(
          path.reduce<any>((v, t) => v[t], doc),
        );
        for (const key of Object.keys(doc))
          if (key !== "paths" && key !== "components") expect(part[key]).toBe(doc[key]);
        for (const ref of refsIn(part)) expect(at(part, ref), `${path.join(" ")}: ${ref}`).toBeDefined();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("is a small part of dcim's document for the largest operation", () => {
    const dcim = appDocument(full, "dcim");
    const part = reachable(dcim ?? {}, ["paths", "/api/dcim/servers/", "get"]);
    expect(part?.paths["/api/dcim/servers/"].get.parameters).toHaveLength(173);
    // The operation itself is most of it (its 173 parameters); the rest of the document is left out.
    expect(JSON.stringify(part).length).toBeLessThan(JSON.stringify(dcim).length / 5);
    expect(Object.keys(part?.paths ?? {})).toEqual(["/api/dcim/servers/"]);
  });

  it("gives up (the whole document is resolved) on what it cannot follow", () => {
    const doc = {
      openapi: "3.1.0",
      paths: { "/a/": { get: { responses: { "200": { $ref: "#/components/responses/R" } } } } },
      components: { responses: {} },
    };
    expect(reachable(doc, ["paths", "/a/", "get"])).toBeUndefined(); // missing target
    doc.components.responses = { R: { $ref: "https://example.com/r.json" } };
    expect(reachable(doc, ["paths", "/a/", "get"])).toBeUndefined(); // not a local pointer
    doc.components.responses = { R: { description: "ok", content: { "application/json": { schema: { $id: "x" } } } } };
    expect(reachable(doc, ["paths", "/a/", "get"])).toBeUndefined(); // a schema that moves the base URI
    doc.components.responses = { R: { description: "ok" } };
    expect(reachable(doc, ["paths", "/a/", "get"])?.components).toEqual(doc.components);
    expect(reachable(doc, ["info"])).toBeUndefined();
  });
});
