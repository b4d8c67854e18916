import { API_VERSION, type contract, resourceList } from "@rackplane/contract";
import type { DatabaseHandle } from "@rackplane/db";
import type { Handler } from "../http/handler";

export const VERSION = "0.1.0";

/** A readiness check that waits longer than this for the database answers 503. */
const DB_CHECK_TIMEOUT_MS = 3000;
const started = Date.now();

/**
 * `GET /api/`, `GET /api/<app>/` (the app's resources), `GET /api/status/` (readiness: the database answers, the server is not
 * draining) and `GET /api/status/live/` (liveness: the process answers).
 * `req.app.locals.draining` is set by graceful shutdown.
 */
export function systemHandlers(database: DatabaseHandle) {
  // Browsers get these as HTML pages from the browsable API (browse/present.ts), like every GET.
  const endpointsOf = (app: string | undefined, baseUrl: string) =>
    resourceList
      .filter((r) => app === undefined || r.app === app)
      .map((r) => ({ app: r.app, resource: r.name, url: `${baseUrl}${r.path}`, description: r.description }));
  const index: Handler = async ({ ctx }) => ({
    status: 200,
    body: { version: API_VERSION, endpoints: endpointsOf(undefined, ctx.baseUrl) },
  });
  const appIndex: Handler = async ({ params, ctx }) => {
    const app = String(params.app);
    return { status: 200, body: { app, endpoints: endpointsOf(app, ctx.baseUrl) } };
  };
  const status: Handler = async ({ req }) => {
    const unavailable = (detail: string) => ({
      status: 503,
      headers: { "Retry-After": "5" },
      body: { status: "unavailable", version: VERSION, api_version: API_VERSION, detail },
    });
    if (req.app.locals.draining) return unavailable("The server is shutting down.");
    try {
      const [level, serverVersion] = await withTimeout(
        Promise.all([database.migrationLevel(), database.serverVersion()]),
        DB_CHECK_TIMEOUT_MS,
      );
      return {
        status: 200,
        body: {
          status: "ok",
          version: VERSION,
          api_version: API_VERSION,
          database: {
            backend: database.backend,
            server_version: serverVersion,
            migration: level.migration,
            migrations_applied: level.applied,
          },
          node_version: process.version,
        },
      };
    } catch (err) {
      return unavailable(`The database does not answer: ${(err as Error).message || String(err)}`);
    }
  };
  const live: Handler = async () => ({
    status: 200,
    body: { status: "ok", version: VERSION, uptime_seconds: Math.round((Date.now() - started) / 1000) },
  });
  return { index, appIndex, status, live } satisfies Record<keyof typeof contract.system, Handler>;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
