import { defineConfig } from "vitest/config";

/**
 * The examples run against a server on embedded PGlite and, when DATABASE_URL is
 * set (CI), a second time against PostgreSQL — the walkthrough must pass on both.
 */
const backends = ["pglite", ...(process.env.DATABASE_URL ? ["postgresql"] : [])];

export default defineConfig({
  test: {
    projects: backends.map((backend) => ({
      extends: true,
      test: {
        name: backend,
        env: { RACKPLANE_TEST_BACKEND: backend },
        include: ["test/**/*.test.ts"],
        testTimeout: 120_000,
        hookTimeout: 60_000,
        pool: "forks",
      },
    })),
  },
});
