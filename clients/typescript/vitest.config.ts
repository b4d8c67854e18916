import { defineConfig } from "vitest/config";

// Starts the real server (PGlite) in-process: migrations take a while on a busy machine.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 120_000 } });
