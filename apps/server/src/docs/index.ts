import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { openapiDocument, openapiYaml } from "@rackplane/contract/openapi";
import express, { type Request, type Response, type Router } from "express";

/**
 * API documentation: the OpenAPI document at `/api/schema/` (YAML by default, JSON
 * with `Accept: application/json` or `?format=json`), Swagger UI at
 * `/api/schema/swagger-ui/` and ReDoc at `/api/schema/redoc/`. The UIs come from
 * npm packages and their assets are served from `/static/` (outside `/api`, so the
 * trailing-slash rule does not apply to file names): the server works offline.
 */
const require = createRequire(import.meta.url);
const SWAGGER_DIR = dirname(require.resolve("swagger-ui-dist/package.json"));
const REDOC_DIR = join(dirname(require.resolve("redoc/package.json")), "bundles");
const SCHEMA_JSON_URL = "/api/schema/?format=json";

let cached: { yaml: string; json: string } | undefined;
/** Generated once, from the same contract and generator as the committed file. */
function schema() {
  if (!cached) {
    const doc = openapiDocument();
    cached = { yaml: openapiYaml(doc), json: JSON.stringify(doc) };
  }
  return cached;
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

const SWAGGER_HTML = page(
  "Rackplane API — Swagger UI",
  '<link rel="stylesheet" href="/static/swagger-ui/swagger-ui.css">',
  `<div id="swagger-ui"></div>
<script src="/static/swagger-ui/swagger-ui-bundle.js"></script>
<script>
window.ui = SwaggerUIBundle({
  url: "${SCHEMA_JSON_URL}",
  dom_id: "#swagger-ui",
  deepLinking: true,
  filter: true,
  persistAuthorization: true,
  displayRequestDuration: true,
  // No call to the public validator service: the server works offline.
  validatorUrl: null,
});
</script>`,
);

const REDOC_HTML = page(
  "Rackplane API — ReDoc",
  '<style>img[src*="cdn.redoc.ly"]{display:none}</style>',
  `<redoc spec-url="${SCHEMA_JSON_URL}" hide-download-button="false"></redoc>
<script src="/static/redoc/redoc.standalone.js"></script>`,
);

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
      const s = schema();
      res.vary("Accept"); // YAML or JSON by Accept
      if (wantsJson(req)) res.type("application/json").send(s.json);
      else res.type("application/yaml; charset=utf-8").send(s.yaml);
    }),
  );
  router.all(
    "/api/schema/swagger-ui/",
    getOnly((_req, res) => res.set("Content-Security-Policy", UI_CSP).type("html").send(SWAGGER_HTML)),
  );
  router.all(
    "/api/schema/redoc/",
    getOnly((_req, res) => res.set("Content-Security-Policy", UI_CSP).type("html").send(REDOC_HTML)),
  );
  const assets = { maxAge: "1d", index: false, fallthrough: true } as const;
  router.use("/static/swagger-ui", express.static(SWAGGER_DIR, assets));
  router.use("/static/redoc", express.static(REDOC_DIR, assets));
  return router;
}
