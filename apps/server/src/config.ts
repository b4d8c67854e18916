import { DEFAULT_MAX_OFFSET, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@rackplane/contract";
import type { LoginThrottleSettings } from "./auth/login-throttle";
import type { PermissionMode } from "./permissions/store";
import type { KeySettings } from "./secrets/keys";
import type { SentrySettings } from "./sentry";

/** Settings, all from the environment (12-factor); defaults give a zero-setup server. */
export interface Config {
  host: string;
  port: number;
  /** PostgreSQL URL; absent → embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  /** RACKPLANE_DB_POOLER=transaction: DATABASE_URL is a transaction-pooling PgBouncer. */
  dbPooler?: "transaction";
  dataDir: string;
  defaultPageSize: number;
  maxPageSize: number;
  /** Deepest list offset answered (`RACKPLANE_MAX_OFFSET`; 0 = no limit); deeper is a 400 pointing at `cursor`. */
  maxOffset: number;
  maxBody: string;
  logLevel: string;
  /** Anonymous callers may read (GET/HEAD/OPTIONS); off by default. */
  anonymousRead: boolean;
  /** JWT signing secret; absent → generated once and stored in the database. */
  jwtSecret?: string;
  jwtAccessTtl: number;
  jwtRefreshTtl: number;
  bcryptRounds: number;
  /** Seconds a browser session (login page → cookie) lasts. */
  sessionTtl: number;
  /** Superuser created/updated on start when a password or token is given (zero-setup dev, CI). */
  admin: { username: string; password?: string; token?: string };
  rateLimit: { limit: number; windowSeconds: number };
  /** Seconds a token lookup is reused by this process (0 = look up every request); see auth/token-cache.ts. */
  authCacheSeconds: number;
  /** Keys for secrets sealed at rest (secrets/keys.ts): RACKPLANE_SECRET_KEY (+ _PREVIOUS), else a key file. */
  secretKeys: KeySettings;
  /** Failed sign-ins allowed per username and per client address in a window (auth/login-throttle.ts). */
  loginThrottle: LoginThrottleSettings;
  /** RACKPLANE_AUTH_FILE: Ralph LRS's credentials file (`rackplane auth … --write-to-disk`). */
  authFile: string;
  /** RACKPLANE_PERMISSIONS: when object permissions apply (`auto`, `enforce`, `off`); see permissions/store.ts. */
  permissions: PermissionMode;
  /** RACKPLANE_FORWARDINGS: JSON list of event forwardings upserted on start. */
  forwardings?: string;
  forwarder: { pollMs: number; backoffMs: number; batch: number };
  /** Tests: validate every response against the contract, expose X-Query-Count. */
  strict: boolean;
  /** Send `X-Query-Count` outside tests too (benchmarks); always on when `strict`. */
  exposeQueryCount: boolean;
  /** RACKPLANE_CORS_ORIGINS: origins allowed by CORS (`*` = any); empty = CORS off. */
  corsOrigins: string[];
  /** PostgreSQL: longest a statement may run (ms, 0 = no limit); beyond it the request is a 503. */
  statementTimeoutMs: number;
  /** HTTP keep-alive idle timeout and header timeout (ms): above load balancers' idle timeouts (60 s). */
  keepAliveTimeoutMs: number;
  headersTimeoutMs: number;
  /** Graceful shutdown: how long in-flight requests may take before their connections are cut. */
  shutdownTimeoutMs: number;
  /** Optional error reporting (SENTRY_DSN). */
  sentry: SentrySettings;
  /** Durable job queue (pg-boss): heartbeat/monitor seconds, concurrency, deliveries before giving up. */
  jobs: { heartbeatSeconds: number; monitorIntervalSeconds: number; concurrency: number; maxAttempts: number };
}

const int = (v: string | undefined, d: number) => (v === undefined || v === "" ? d : Number.parseInt(v, 10));

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.HOST ?? "127.0.0.1",
    port: int(env.PORT, 8000),
    databaseUrl: env.DATABASE_URL || undefined,
    dbPooler: pooler(env.RACKPLANE_DB_POOLER),
    dataDir: env.RACKPLANE_DATA_DIR ?? "./.rackplane/data",
    defaultPageSize: int(env.RACKPLANE_PAGE_SIZE, DEFAULT_PAGE_SIZE),
    maxPageSize: int(env.RACKPLANE_MAX_PAGE_SIZE, MAX_PAGE_SIZE),
    maxOffset: int(env.RACKPLANE_MAX_OFFSET, DEFAULT_MAX_OFFSET),
    maxBody: env.RACKPLANE_MAX_BODY ?? "20mb",
    logLevel: env.RACKPLANE_LOG_LEVEL ?? "info",
    strict: env.RACKPLANE_STRICT === "1",
    anonymousRead: ["1", "true", "yes"].includes((env.RACKPLANE_ANONYMOUS_READ ?? "").toLowerCase()),
    jwtSecret: env.RACKPLANE_JWT_SECRET || undefined,
    jwtAccessTtl: int(env.RACKPLANE_JWT_ACCESS_TTL, 24 * 3600),
    jwtRefreshTtl: int(env.RACKPLANE_JWT_REFRESH_TTL, 7 * 24 * 3600),
    bcryptRounds: int(env.RACKPLANE_BCRYPT_ROUNDS, 12),
    sessionTtl: int(env.RACKPLANE_SESSION_TTL, 12 * 3600),
    admin: {
      username: env.RACKPLANE_ADMIN_USERNAME || "admin",
      password: env.RACKPLANE_ADMIN_PASSWORD || undefined,
      token: env.RACKPLANE_ADMIN_TOKEN || undefined,
    },
    authCacheSeconds: int(env.RACKPLANE_AUTH_CACHE_SECONDS, 5),
    permissions: permissionMode(env.RACKPLANE_PERMISSIONS),
    rateLimit: { limit: int(env.RACKPLANE_RATE_LIMIT, 3000), windowSeconds: int(env.RACKPLANE_RATE_LIMIT_WINDOW, 60) },
    secretKeys: {
      key: env.RACKPLANE_SECRET_KEY || undefined,
      previous: (env.RACKPLANE_SECRET_KEY_PREVIOUS ?? "")
        .split(",")
        .map((k) => k.trim())
        .filter(Boolean),
      file: env.RACKPLANE_SECRET_KEY_FILE || "./.rackplane/secret.key",
    },
    loginThrottle: {
      perUsername: int(env.RACKPLANE_LOGIN_MAX_FAILURES, 10),
      perAddress: int(env.RACKPLANE_LOGIN_MAX_FAILURES_PER_ADDRESS, 100),
      windowSeconds: int(env.RACKPLANE_LOGIN_WINDOW, 900),
    },
    forwardings: env.RACKPLANE_FORWARDINGS,
    authFile: env.RACKPLANE_AUTH_FILE || "./.rackplane/auth.json",
    forwarder: {
      pollMs: int(env.RACKPLANE_FORWARDING_POLL_MS, 1000),
      backoffMs: int(env.RACKPLANE_FORWARDING_BACKOFF_MS, 2000),
      batch: int(env.RACKPLANE_FORWARDING_BATCH, 20),
    },
    exposeQueryCount: env.RACKPLANE_QUERY_COUNT === "1",
    corsOrigins: (env.RACKPLANE_CORS_ORIGINS ?? "")
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    shutdownTimeoutMs: int(env.RACKPLANE_SHUTDOWN_TIMEOUT_MS, 30_000),
    statementTimeoutMs: int(env.RACKPLANE_STATEMENT_TIMEOUT_MS, 30_000),
    keepAliveTimeoutMs: int(env.RACKPLANE_KEEP_ALIVE_TIMEOUT_MS, 65_000),
    headersTimeoutMs: int(env.RACKPLANE_HEADERS_TIMEOUT_MS, 66_000),
    sentry: {
      dsn: env.SENTRY_DSN || undefined,
      environment: env.SENTRY_ENVIRONMENT || undefined,
      tracesSampleRate: Number(env.SENTRY_TRACES_SAMPLE_RATE || 0),
      cliTracesSampleRate: Number(env.SENTRY_CLI_TRACES_SAMPLE_RATE || 0),
      ignoreHealthChecks: ["1", "true", "yes"].includes((env.SENTRY_IGNORE_HEALTH_CHECKS ?? "").toLowerCase()),
    },
    jobs: {
      heartbeatSeconds: int(env.RACKPLANE_JOB_HEARTBEAT_SECONDS, 30),
      monitorIntervalSeconds: int(env.RACKPLANE_JOB_MONITOR_SECONDS, 10),
      concurrency: int(env.RACKPLANE_JOB_CONCURRENCY, 4),
      maxAttempts: int(env.RACKPLANE_JOB_MAX_ATTEMPTS, 3),
    },
  };
}

const PERMISSION_MODES: PermissionMode[] = ["auto", "enforce", "off"];
function permissionMode(v: string | undefined): PermissionMode {
  const mode = (v || "auto").toLowerCase() as PermissionMode;
  if (!PERMISSION_MODES.includes(mode))
    throw new Error(`RACKPLANE_PERMISSIONS must be one of ${PERMISSION_MODES.join(", ")} (got "${v}").`);
  return mode;
}

function pooler(v: string | undefined): "transaction" | undefined {
  if (!v) return undefined;
  if (v === "transaction") return v;
  throw new Error(
    `RACKPLANE_DB_POOLER: "${v}" is not a pooling mode Rackplane knows; use "transaction" or leave it unset.`,
  );
}
