import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Generous: the suite must pass on a machine whose cores are busy with other work
    // (issue 16 §6); a test's own waits poll for conditions instead of sleeping.
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
