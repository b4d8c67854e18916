import { parse as parseQuery } from "node:querystring";
import { type AnyResource, contract, resourceList, resources } from "@rackplane/contract";
import { type DatabaseHandle, openDatabase, queryCounter } from "@rackplane/db";
import express from "express";
import { apiTokenAuthHandler } from "./auth/api-token-auth";
import { authorize } from "./auth/authorize";
import { ensureSuperuser } from "./auth/bootstrap";
import { usersFromCredentialsFile } from "./auth/credentials-file";
import { authHandlers } from "./auth/handlers";
import { Jwt } from "./auth/jwt";
import { LoginThrottle } from "./auth/login-throttle";
import { authenticate, forgetAfterIdentityWrites } from "./auth/middleware";
import { rateLimit } from "./auth/rate-limit";
import { prepareDummyHash, setBcryptRounds } from "./auth/secrets";
import { TokenCache } from "./auth/token-cache";
import { browseRouter, presentError, presentHtml } from "./browse";
import type { Config } from "./config";
import { docsRouter } from "./docs";
import { forwardingsFromEnv } from "./forwarding/from-env";
import { Forwarder } from "./forwarding/worker";
import { ApiError } from "./framework/errors";
import { resourceHandlers } from "./framework/handlers";
import { installRegistry, Registry } from "./framework/registry";
import { ResourceService } from "./framework/service";
import { compression } from "./http/compression";
import { errorHandler } from "./http/errors";
import type { Handler } from "./http/handler";
import { idempotency } from "./http/idempotency";
import { jsonBody } from "./http/json-body";
import { requestHeaders, requireJson, trailingSlash, versionNegotiation } from "./http/middleware";
import { requestLog } from "./http/request-log";
import { flattenRoutes, routeAccepts, routeTable } from "./http/route-table";
import { serveContract } from "./http/router";
import { corsPolicy, securityHeaders } from "./http/security";
import { JobQueue } from "./jobs/queue";
import { createLogger } from "./logger";
import { authorizePermissions, mayView } from "./permissions/authorize";
import { attachPermissions, forgetAfterPermissionWrites, PermissionStore } from "./permissions/store";
import { warnOfPoolerSettings } from "./pooler-settings";
import { bindings } from "./resources";
import { SecretBox } from "./secrets/box";
import { setSecretBox } from "./secrets/current";
import { resealSecrets } from "./secrets/reseal";
import { errorReporter } from "./sentry";
import { systemHandlers } from "./system/handlers";

export interface Rackplane {
  app: express.Express;
  database: DatabaseHandle;
  jobs: JobQueue;
  /** Event forwarding worker (delivers the outbox). */
  forwarder: Forwarder;
  close(): Promise<void>;
}

/** Builds the whole server: database (migrated), bindings, routes, middleware. */
export async function createRackplane(config: Config, database?: DatabaseHandle): Promise<Rackplane> {
  const log = createLogger(config.logLevel);
  setBcryptRounds(config.bcryptRounds);
  // The dummy hash is a full-cost bcrypt (0.2-0.8 s) in a worker thread: it runs while the
  // database opens and migrates instead of after, and is awaited before anything starts.
  const dummyHash = prepareDummyHash();
  dummyHash.catch(() => {}); // a failure surfaces at the await below, not as an unhandled rejection
  const db =
    database ??
    (await openDatabase({
      url: config.databaseUrl,
      dataDir: config.dataDir,
      statementTimeoutMs: config.statementTimeoutMs,
      pooler: config.dbPooler,
    }));
  await db.migrate();
  if (config.dbPooler) await warnOfPoolerSettings(db.db, config.statementTimeoutMs, log);
  // Every binding, from the tree the compiler checked; the framework's SQL builders resolve relations through it.
  const registry = new Registry(bindings);
  installRegistry(registry);
  const jwt = await Jwt.open(db.db, {
    secret: config.jwtSecret,
    accessTtl: config.jwtAccessTtl,
    refreshTtl: config.jwtRefreshTtl,
  });
  if (config.admin.password || config.admin.token) await ensureSuperuser(db.db, config.admin);
  await usersFromCredentialsFile(db.db, config.authFile);
  const box = SecretBox.fromSettings(config.secretKeys);
  setSecretBox(box);
  await resealSecrets(db.db, box, { legacyOnly: true }); // BGP passwords stored before they were sealed
  await forwardingsFromEnv(db.db, box, config.forwardings);
  const service = new ResourceService(db.db, {
    defaultPageSize: config.defaultPageSize,
    maxPageSize: config.maxPageSize,
    maxOffset: config.maxOffset,
  });

  // Handlers and owning resources by contract key path (`dcim.servers.list`).
  const handlers = new Map<string, Handler>(Object.entries(systemHandlers(db)).map(([k, h]) => [`system.${k}`, h]));
  const loginThrottle = new LoginThrottle(db.db, config.loginThrottle);
  for (const [k, h] of Object.entries(authHandlers(db.db, jwt, loginThrottle))) handlers.set(`auth.${k}`, h);
  handlers.set("auth.apiTokenAuth", apiTokenAuthHandler(service, loginThrottle));
  const owner = new Map<string, AnyResource>();
  for (const [appName, app] of Object.entries(resources)) {
    for (const [treeKey, r] of Object.entries(app) as unknown as [string, AnyResource][]) {
      const hs = resourceHandlers(registry.of(r.key), service);
      for (const name of Object.keys(r.routes)) {
        const key = `${appName}.${treeKey}.${name}`;
        const h = hs[name];
        if (h) handlers.set(key, h);
        owner.set(key, r);
      }
    }
  }

  const reporter = await errorReporter(config.sentry, log);
  const app = express();
  app.disable("x-powered-by");
  app.set("strict routing", true);
  // Repeated → array; no nested objects from `a[b]=c`. Every parameter is kept (Node's default
  // silently drops those after the 1,000th): the URL is bounded by the header size limit, and
  // the contract caps each parameter's values with a 400 that says so.
  app.set("query parser", (q: string) => parseQuery(q, "&", "=", { maxKeys: 0 }));
  app.set("trust proxy", "loopback");
  app.use(requestHeaders, requestLog(log), securityHeaders(), drainingCloses);
  app.use(compression()); // every response, errors included; negotiated by Accept-Encoding
  // Before authentication: a CORS preflight carries no credentials.
  const cors = corsPolicy(config.corsOrigins);
  if (cors) app.use(cors);
  app.use(versionNegotiation, trailingSlash);
  const tokenCache = new TokenCache(config.authCacheSeconds * 1000);
  app.use(browseRouter(db.db, tokenCache, config.sessionTtl, loginThrottle)); // browser sign-in: form posts, not JSON
  const routes = routeTable(flattenRoutes(contract));
  const accepts = routeAccepts(routes);
  app.use(requireJson(accepts));
  const permissionStore = new PermissionStore(db.db, config.permissions, config.authCacheSeconds * 1000);
  // Before the query counter: credential lookups and rate counters are not the endpoint's statements.
  app.use(
    forgetAfterIdentityWrites(tokenCache),
    forgetAfterPermissionWrites(
      permissionStore,
      Object.values(resources.users).map((r) => r.path),
    ),
    authenticate(db.db, jwt, loginThrottle, tokenCache),
    rateLimit(db.db, config.rateLimit),
    attachPermissions(permissionStore),
  );
  const exposeQueryCount = config.strict || config.exposeQueryCount;
  // Only where the count is sent: a context per request keeps Node's promise hooks on for every promise.
  if (exposeQueryCount) app.use((_req, _res, next) => queryCounter.run({ count: 0 }, next));
  app.use(jsonBody(config.maxBody));
  // After the body is parsed (a key's request is hashed with it), before any handler runs.
  app.use(idempotency(db.db, { accepts }));

  app.use(docsRouter()); // /api/schema/ (+ Swagger UI, ReDoc): not contract resources
  // Route-level checks: authentication and token scopes, then object permissions (which only narrow).
  const byToken = authorize({ anonymousRead: config.anonymousRead });
  const byPermissions = authorizePermissions();
  const both = (key: string, req: express.Request) => {
    byToken(key, req);
    byPermissions(key, req);
  };
  const served = serveContract(routes, handlers, {
    validateResponses: config.strict,
    exposeQueryCount,
    readOnlyKeys: (key) => readOnlyKeysOf(owner.get(key)),
    authorize: both,
    permits: (key, req) => {
      try {
        both(key, req);
        return mayView(req, key);
      } catch {
        return false;
      }
    },
    present: presentHtml,
  });
  app.use(served);
  app.use((_req, _res, next) => next(new ApiError(404, { detail: "Not found." })));
  app.use(errorHandler(reporter?.report, presentError));

  await dummyHash;
  // Durable jobs: action handlers reach the queue through `req.app.locals.jobs`.
  const jobs = new JobQueue(db, { ...config.jobs, log });
  await jobs.start();
  app.locals.jobs = jobs;

  const forwarder = new Forwarder(db.db, box, config.forwarder, log);
  forwarder.start();

  return {
    app,
    database: db,
    jobs,
    forwarder,
    close: async () => {
      await forwarder.stop();
      await jobs.stop();
      await db.close();
      await reporter?.close();
    },
  };
}

/** While shutting down, kept-alive connections are closed after their response (no new requests on them). */
const drainingCloses: express.RequestHandler = (req, res, next) => {
  if (req.app.locals.draining) res.setHeader("Connection", "close");
  next();
};

const readOnlyCache = new Map<string, Set<string>>();
function readOnlyKeysOf(r: AnyResource | undefined): Set<string> {
  if (!r) return new Set();
  let keys = readOnlyCache.get(r.key);
  if (!keys) {
    keys = new Set(
      [
        "url",
        "display",
        ...Object.entries(r.fields)
          .filter(([, fd]) => !fd.write)
          .map(([n]) => n),
      ]
        // A write alias reuses a read-only name (a forwarding's `url`): writes keep it for the fold.
        .filter((n) => !(n in r.writeAliases)),
    );
    readOnlyCache.set(r.key, keys);
  }
  return keys;
}

export { resourceList };
