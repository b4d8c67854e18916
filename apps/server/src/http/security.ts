import cors from "cors";
import type { RequestHandler } from "express";
import helmet from "helmet";

/**
 * helmet's defaults (CSP, nosniff, frame and referrer policies, …) on every response.
 * The Swagger UI and ReDoc pages replace the CSP with their own (docs/index.ts): they
 * need inline script and blob workers, the JSON API needs nothing.
 *
 * helmet's options are fixed, so its headers are too: they are recorded once from helmet
 * itself and set from that list. Running helmet's chain of a dozen middlewares on every
 * request cost ≈ 70 µs of a detail's ≈ 550 µs of CPU (bench/RESULTS.md).
 */
export function securityHeaders(): RequestHandler {
  const fixed = recordedHeaders(
    // Not `upgrade-insecure-requests`: a server on plain HTTP (loopback, behind a proxy) would
    // send browsers to an https:// that does not exist from its own HTML index page.
    helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }),
  );
  return (_req, res, next) => {
    for (const [name, value] of fixed) res.setHeader(name, value);
    next();
  };
}

/** The headers `middleware` sets on a response, in order; it must set them unconditionally and at once. */
function recordedHeaders(middleware: RequestHandler): [string, string][] {
  const headers: [string, string][] = [];
  let called = false;
  const res = {
    setHeader: (name: string, value: unknown) => void headers.push([name, String(value)]),
    removeHeader: () => {},
  };
  middleware({ headers: {} } as never, res as never, () => {
    called = true;
  });
  if (!called) throw new Error("security headers: the middleware did not run to completion at once");
  return headers;
}

/** Headers a browser client may send, and response headers its scripts may read. */
const ALLOWED_HEADERS = [
  "Authorization",
  "Content-Type",
  "Accept",
  "X-Request-ID",
  "If-Match",
  "If-None-Match",
  "Idempotency-Key",
];
const EXPOSED_HEADERS = [
  "X-Request-ID",
  "API-Version",
  "Retry-After",
  "ETag",
  "Allow",
  "WWW-Authenticate",
  "Idempotent-Replayed",
];

/**
 * CORS for the origins in `RACKPLANE_CORS_ORIGINS` (`*` = any); none → no CORS
 * headers at all (browsers on other origins are refused). Mounted before
 * authentication: a preflight `OPTIONS` carries no credentials and is answered here
 * (204), for allowed and other origins alike — only allowed ones get the
 * `Access-Control-Allow-*` headers the browser needs. Credentials are headers, not
 * cookies, so `Access-Control-Allow-Credentials` is never sent.
 */
export function corsPolicy(origins: string[]): RequestHandler | undefined {
  if (!origins.length) return undefined;
  const options: cors.CorsOptions = {
    origin: origins.includes("*") ? "*" : origins,
    methods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  };
  const preflight = cors(options);
  // `cors` takes every OPTIONS for a preflight; a plain one is the API's metadata request
  // (fields, filters), so it only gets the headers and goes on to authentication and the router.
  const other = cors({ ...options, preflightContinue: true });
  return (req, res, next) =>
    (req.method === "OPTIONS" && req.get("Access-Control-Request-Method") ? preflight : other)(req, res, next);
}
