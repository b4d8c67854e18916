import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { appDocument, appNames, appOfTags, openapiDocument, openapiYaml } from "@rackplane/contract/openapi";
import express, { type Request, type Response, type Router } from "express";

/**
 * API documentation: the OpenAPI document at `/api/schema/` (YAML by default, JSON
 * with `Accept: application/json` or `?format=json`; one app's part with `?app=dcim`), Swagger UI at
 * `/api/schema/swagger-ui/` and ReDoc at `/api/schema/redoc/`. The UIs come from
 * npm packages and their assets are served from `/static/` (outside `/api`, so the
 * trailing-slash rule does not apply to file names): the server works offline.
 */
const require = createRequire(import.meta.url);
const SWAGGER_DIR = dirname(require.resolve("swagger-ui-dist/package.json"));
const REDOC_DIR = join(dirname(require.resolve("redoc/package.json")), "bundles");
/** Our own Swagger UI plugins (plain browser scripts, see each file for why). */
const BROWSER_DIR = fileURLToPath(new URL("./browser/", import.meta.url));
const SCHEMA_JSON_URL = "/api/schema/?format=json";

let full: ReturnType<typeof openapiDocument> | undefined;
/** Generated once, from the same contract and generator as the committed file. */
const fullDocument = () => {
  full ??= openapiDocument();
  return full;
};

const cached = new Map<string, { yaml: string; json: string }>();
/** The whole document (`app` undefined) or one app's part; undefined for an unknown app. */
function schema(app?: string) {
  const key = app ?? "";
  let s = cached.get(key);
  if (!s) {
    const doc = app === undefined ? fullDocument() : appDocument(fullDocument(), app);
    if (!doc) return undefined;
    s = { yaml: openapiYaml(doc), json: JSON.stringify(doc) };
    cached.set(key, s);
  }
  return s;
}

function wantsJson(req: Request): boolean {
  if (req.query.format === "json") return true;
  if (req.query.format === "yaml" || req.query.format === "openapi") return false;
  return (
    req.accepts(["application/yaml", "application/vnd.oai.openapi", "application/json"]) === "application/json" &&
    !/yaml|openapi/.test(req.get("Accept") ?? "")
  );
}

const page = (title: string, head: string, body: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>${head}</head>
<body style="margin:0">${body}</body>
</html>
`;

/**
 * Swagger UI shows one app's document at a time (the top bar's selector switches; the
 * whole document is the last entry). Two plugins of ours (src/docs/browser/) make opening an
 * operation cost what the operation is, not what the document is: its OpenAPI 3.1 resolver
 * gets only the part of the document the operation reaches, and a parameter row finds its
 * parameter in one pass. Opening `dcim_servers_list` (173 parameters) took 9–18 s with the
 * whole document and 3–6 s with dcim's before them; now 1.4–3 s on this 2-core machine at
 * load 6–22, with either document (bench/RESULTS.md). A link `#/<tag>/<operationId>` picks
 * the document of the tag's app; `?urls.primaryName=<app>` picks one explicitly.
 */
function swaggerHtml(): string {
  const doc = fullDocument();
  const urls = [
    ...appNames(doc).map((app) => ({ url: `${SCHEMA_JSON_URL}&app=${app}`, name: app })),
    { url: SCHEMA_JSON_URL, name: "all apps" },
  ];
  return page(
    "Rackplane API — Swagger UI",
    '<link rel="stylesheet" href="/static/swagger-ui/swagger-ui.css">',
    `<div id="swagger-ui"></div>
<script src="/static/swagger-ui/swagger-ui-bundle.js"></script>
<script src="/static/swagger-ui/swagger-ui-standalone-preset.js"></script>
<script src="/static/rackplane/swagger-subtree.js"></script>
<script src="/static/rackplane/swagger-parameter-meta.js"></script>
<script>
const urls = ${JSON.stringify(urls)};
const appOfTag = ${JSON.stringify(appOfTags(doc))};
const linkedTag = decodeURIComponent(location.hash).split("/").filter((p) => p !== "#")[0] || "";
window.ui = SwaggerUIBundle({
  urls,
  "urls.primaryName": appOfTag[linkedTag] || urls[0].name,
  dom_id: "#swagger-ui",
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  plugins: [RackplaneSwaggerSubtree, RackplaneSwaggerParameterMeta],
  layout: "StandaloneLayout",
  deepLinking: true,
  filter: true,
  persistAuthorization: true,
  displayRequestDuration: true,
  // No call to the public validator service: the server works offline.
  validatorUrl: null,
});
</script>`,
  );
}

/**
 * ReDoc renders a whole document into the page up front (redoc 2.5 has no lazy
 * rendering): the whole document took 38 s and 677k DOM nodes to show
 * `dcim_servers_list` on this machine (bench/RESULTS.md). So it shows one app's document
 * too: `?app=dcim`, or the app of a link's `#tag/<tag>` or `#operation/<app>_…`, else the
 * first app; a bar above links every app and the whole document (`?app=all`).
 */
function redocHtml(): string {
  const doc = fullDocument();
  const apps = appNames(doc);
  const links = [...apps, "all"].map((app) => `<a href="?app=${app}" data-app="${app}">${app}</a>`).join(" · ");
  return page(
    "Rackplane API — ReDoc",
    `<style>img[src*="cdn.redoc.ly"]{display:none}
#apps{font:14px sans-serif;padding:6px 12px;border-bottom:1px solid #ddd}#apps a{color:#32329f}#apps a.current{font-weight:bold;color:#000}</style>`,
    `<nav id="apps">API of ${links}</nav><div id="redoc"></div>
<script src="/static/redoc/redoc.standalone.js"></script>
<script>
const apps = ${JSON.stringify(apps)};
const appOfTag = ${JSON.stringify(appOfTags(doc))};
const [kind, target = ""] = decodeURIComponent(location.hash).slice(1).split("/");
const fromHash = kind === "tag" ? appOfTag[target] : kind === "operation" ? target.split("_")[0] : undefined;
const asked = new URLSearchParams(location.search).get("app") || fromHash;
const app = asked === "all" || apps.includes(asked) ? asked : apps[0];
document.querySelector('#apps a[data-app="' + app + '"]').className = "current";
Redoc.init("${SCHEMA_JSON_URL}" + (app === "all" ? "" : "&app=" + app), { hideDownloadButton: false }, document.getElementById("redoc"));
</script>`,
  );
}

/**
 * The UI pages may load nothing from elsewhere: the browser itself refuses (ReDoc's
 * sidebar badge points at a CDN image; it is hidden and never fetched).
 */
const UI_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' blob:",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
].join("; ");

/** GET/HEAD only; other methods are a 405 with `Allow`, like contract paths. */
function getOnly(handler: (req: Request, res: Response) => void) {
  return (req: Request, res: Response) => {
    res.setHeader("Allow", "GET, HEAD, OPTIONS");
    if (req.method === "GET" || req.method === "HEAD") return handler(req, res);
    if (req.method === "OPTIONS") return res.status(200).end();
    res.status(405).json({ detail: `Method "${req.method}" not allowed.` });
  };
}

export function docsRouter(): Router {
  const router = express.Router({ strict: true });
  router.all(
    "/api/schema/",
    getOnly((req, res) => {
      const app = req.query.app === undefined ? undefined : String(req.query.app);
      const s = schema(app);
      if (!s) {
        res.status(404).json({ detail: `No app "${app}"; apps: ${appNames(fullDocument()).join(", ")}.` });
        return;
      }
      res.vary("Accept"); // YAML or JSON by Accept
      if (wantsJson(req)) res.type("application/json").send(s.json);
      else res.type("application/yaml; charset=utf-8").send(s.yaml);
    }),
  );
  let swagger: string | undefined;
  router.all(
    "/api/schema/swagger-ui/",
    getOnly((_req, res) => {
      swagger ??= swaggerHtml();
      res.set("Content-Security-Policy", UI_CSP).type("html").send(swagger);
    }),
  );
  let redoc: string | undefined;
  router.all(
    "/api/schema/redoc/",
    getOnly((_req, res) => {
      redoc ??= redocHtml();
      res.set("Content-Security-Policy", UI_CSP).type("html").send(redoc);
    }),
  );
  const assets = { maxAge: "1d", index: false, fallthrough: true } as const;
  router.use("/static/swagger-ui", express.static(SWAGGER_DIR, assets));
  router.use("/static/redoc", express.static(REDOC_DIR, assets));
  // Ours change with the server, not with a package version: revalidated on every load.
  router.use("/static/rackplane", express.static(BROWSER_DIR, { ...assets, maxAge: 0 }));
  return router;
}
