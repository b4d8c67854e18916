import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * The suite always runs on embedded PGlite; when DATABASE_URL is set it runs a
 * second time against that PostgreSQL server. Same tests, same assertions.
 */
const backends = ["pglite", ...(process.env.DATABASE_URL ? ["postgresql"] : [])];

export default defineConfig({
  test: {
    // A worker per core, not vitest's cores − 1: much of a test file's time is spent waiting on
    // the servers, databases, BMC emulators and browsers it drives, not on its own CPU.
    maxWorkers: availableParallelism(),
    projects: backends.map((backend) => ({
      extends: true,
      test: {
        name: backend,
        env: { RACKPLANE_TEST_BACKEND: backend },
        include: ["test/**/*.test.ts"],
        // The browser tests (docs UIs, browsable API) and the CLI-ops test (flags, PGlite): once is enough.
        // PostgreSQL-only fault tests (a private cluster to restart; two processes on one
        // database, and three behind PgBouncer; a database dropped under the server for Sentry's 5xx — PGlite lives
        // inside the server process and cannot be dropped from outside; a statement timeout,
        // which PGlite's WebAssembly build cannot fire; prepared statements' plan cache, which
        // PGlite's unnamed statements do not have).
        exclude:
          backend === "pglite"
            ? [
                "test/fault-pg-restart.test.ts",
                "test/fault-replicas.test.ts",
                "test/fault-pgbouncer.test.ts",
                "test/fault-idempotency.test.ts",
                "test/sentry.test.ts",
                "test/hostile-load.test.ts",
                "test/prepared-plans.test.ts",
              ]
            : ["test/docs-ui.test.ts", "test/browse-ui.test.ts", "test/cli-ops.test.ts"],
        // Generous: the suite must pass on a machine whose cores are busy with other work
        // (issue 16 §6); a test's own waits poll for conditions instead of sleeping.
        testTimeout: 120_000,
        hookTimeout: 240_000,
        pool: "forks",
        // Files run one after another in a worker's process and share its loaded modules: each
        // file's own servers and databases are fresh (harness.ts), and the few tests that touch
        // process-wide state put it back. Importing the server anew per file cost ~1 s each.
        isolate: false,
      },
    })),
  },
});
