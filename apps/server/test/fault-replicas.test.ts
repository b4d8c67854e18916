import { describeReplicas, replicasForFile, startReplicas } from "./replicas";

/**
 * The scale-out shape: two stateless server processes on one PostgreSQL database
 * (the checks are in replicas.ts; fault-pgbouncer.test.ts runs them behind a pooler).
 * PostgreSQL only (vitest.config.ts): a PGlite data dir belongs to one process.
 */
describeReplicas(
  "two server processes on one database",
  replicasForFile(() => startReplicas(2)),
);
