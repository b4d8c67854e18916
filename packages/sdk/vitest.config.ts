import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Generous: the suite must pass on a busy machine (issue 16 §6).
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: "forks",
  },
});
