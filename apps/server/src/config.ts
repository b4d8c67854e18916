/** Settings, all from the environment (12-factor); defaults give a zero-setup server. */
export interface Config {
  host: string;
  port: number;
  /** PostgreSQL URL; absent → embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  defaultPageSize: number;
  maxPageSize: number;
  maxBody: string;
  logLevel: string;
  /** Tests: validate every response against the contract, expose X-Query-Count. */
  strict: boolean;
  /** Durable job queue (pg-boss): heartbeat/monitor seconds, concurrency, deliveries before giving up. */
  jobs: { heartbeatSeconds: number; monitorIntervalSeconds: number; concurrency: number; maxAttempts: number };
  /** Send `X-Query-Count` outside tests too (benchmarks); always on when `strict`. */
  exposeQueryCount: boolean;
}

const int = (v: string | undefined, d: number) => (v === undefined || v === "" ? d : Number.parseInt(v, 10));

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.HOST ?? "127.0.0.1",
    port: int(env.PORT, 8000),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.RACKPLANE_DATA_DIR ?? "./.rackplane/data",
    defaultPageSize: int(env.RACKPLANE_PAGE_SIZE, 50),
    maxPageSize: int(env.RACKPLANE_MAX_PAGE_SIZE, 1000),
    maxBody: env.RACKPLANE_MAX_BODY ?? "20mb",
    logLevel: env.RACKPLANE_LOG_LEVEL ?? "info",
    strict: env.RACKPLANE_STRICT === "1",
    jobs: {
      heartbeatSeconds: int(env.RACKPLANE_JOB_HEARTBEAT_SECONDS, 30),
      monitorIntervalSeconds: int(env.RACKPLANE_JOB_MONITOR_SECONDS, 10),
      concurrency: int(env.RACKPLANE_JOB_CONCURRENCY, 4),
      maxAttempts: int(env.RACKPLANE_JOB_MAX_ATTEMPTS, 3),
    },
    exposeQueryCount: env.RACKPLANE_QUERY_COUNT === "1",
  };
}
