import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { startServer, type TestServer } from "./harness";

const committed = readFileSync(fileURLToPath(new URL("../../../openapi/rackplane.yaml", import.meta.url)), "utf8");
// Parsed once, up front: parsing and deep-comparing a large document between requests
// would block the event loop the in-process server shares, past its keep-alive timeout.
const committedJson = JSON.stringify(parse(committed));

describe("API documentation", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(() => s.close());

  it("serves the committed document as YAML by default", async () => {
    const r = await s.get("/api/schema/", { accept: "*/*" });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^application\/yaml/);
    expect(r.body).toBe(committed);
    expect(r.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers.get("api-version")).toBe("1");
  });

  it("serves JSON with Accept: application/json or ?format=json", async () => {
    const byAccept = await s.get("/api/schema/", { accept: "application/json" });
    const byQuery = await s.get("/api/schema/?format=json", { accept: "*/*" });
    for (const r of [byAccept, byQuery]) {
      expect(r.status).toBe(200);
      expect(r.headers.get("content-type")).toMatch(/^application\/json/);
      expect(JSON.stringify(r.body)).toBe(committedJson);
    }
    expect(byAccept.body.paths["/api/dcim/servers/"].get.operationId).toBe("dcim_servers_list");
  });

  it("serves one app's part with ?app=: together exactly the full document's operations", async () => {
    const fullDoc = JSON.parse(committedJson);
    const apps: string[] = fullDoc["x-tagGroups"].map((g: { name: string }) => g.name);
    expect(apps).toContain("dcim");
    const seen = new Map<string, unknown>(); // "get /api/…" → operation, over every app's document
    for (const app of apps) {
      const r = await s.get(`/api/schema/?format=json&app=${app}`, { accept: "*/*" });
      expect(r.status, app).toBe(200);
      const doc = r.body;
      expect(doc["x-tagGroups"], app).toEqual(fullDoc["x-tagGroups"].filter((g: { name: string }) => g.name === app));
      const appTags = new Set(doc["x-tagGroups"][0].tags);
      for (const [path, item] of Object.entries<Record<string, { tags?: string[] }>>(doc.paths)) {
        for (const [method, op] of Object.entries(item)) {
          if (!op.tags) continue; // a path item's own parameters
          expect(
            op.tags.every((t) => appTags.has(t)),
            `${method} ${path} in ${app}`,
          ).toBe(true);
          expect(seen.has(`${method} ${path}`), `${method} ${path} twice`).toBe(false);
          seen.set(`${method} ${path}`, op);
          expect(op, `${method} ${path}`).toEqual(fullDoc.paths[path][method]);
        }
      }
      // Self-contained: every reference resolves in the app's document, to the full one's component.
      for (const ref of JSON.stringify(doc).match(/"\$ref":"#\/components\/[^"]+"/g) ?? []) {
        const [, kind = "", name = ""] = ref.slice(8, -1).replace("#/", "").split("/");
        expect(doc.components[kind]?.[name], ref).toEqual(fullDoc.components[kind][name]);
      }
      expect(Object.keys(doc.components.schemas).length).toBeLessThan(Object.keys(fullDoc.components.schemas).length);
    }
    const all = Object.entries<Record<string, { tags?: string[] }>>(fullDoc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => op.tags)
        .map(([method]) => `${method} ${path}`),
    );
    expect([...seen.keys()].sort()).toEqual(all.sort());
    const yaml = await s.get("/api/schema/?app=dcim", { accept: "*/*" });
    expect(yaml.headers.get("content-type")).toMatch(/^application\/yaml/);
    expect(parse(String(yaml.body)).paths["/api/dcim/servers/"].get.operationId).toBe("dcim_servers_list");
    const unknown = await s.get("/api/schema/?format=json&app=nope", { accept: "*/*" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toContain("dcim");
  });

  it("keeps the trailing-slash rule and answers 405 with Allow", async () => {
    const redirect = await s.get("/api/schema?format=json");
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get("location")).toBe("/api/schema/?format=json");
    const post = await s.post("/api/schema/", {});
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(post.body).toEqual({ detail: 'Method "POST" not allowed.' });
  });

  it("serves Swagger UI and ReDoc with local assets only", async () => {
    for (const [path, assets] of [
      [
        "/api/schema/swagger-ui/",
        [
          "/static/swagger-ui/swagger-ui-bundle.js",
          "/static/swagger-ui/swagger-ui-standalone-preset.js",
          "/static/swagger-ui/swagger-ui.css",
        ],
      ],
      ["/api/schema/redoc/", ["/static/redoc/redoc.standalone.js"]],
    ] as const) {
      const page = await s.get(path, { accept: "text/html" });
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toMatch(/^text\/html/);
      expect(page.body).not.toMatch(/https?:\/\//); // no CDN
      for (const a of assets) {
        expect(page.body).toContain(a);
        const asset = await fetch(`${s.baseUrl}${a}`);
        expect(asset.status, a).toBe(200);
        expect((await asset.text()).length).toBeGreaterThan(10_000);
      }
    }
    // Our own Swagger UI plugins (src/docs/browser/), loaded by the page and served alike.
    const swagger = await s.get("/api/schema/swagger-ui/", { accept: "text/html" });
    for (const [file, name] of [
      ["swagger-subtree.js", "RackplaneSwaggerSubtree"],
      ["swagger-parameter-meta.js", "RackplaneSwaggerParameterMeta"],
    ]) {
      expect(swagger.body).toContain(`<script src="/static/rackplane/${file}"></script>`);
      expect(swagger.body).toMatch(new RegExp(`plugins: \\[[^\\]]*${name}`));
      const asset = await fetch(`${s.baseUrl}/static/rackplane/${file}`);
      expect(asset.status, file).toBe(200);
      expect(asset.headers.get("content-type")).toMatch(/javascript/);
      expect(await asset.text()).toContain(`window.${name} = `);
    }
  });
});
