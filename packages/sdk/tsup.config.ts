import { defineConfig } from "tsup";

/**
 * ESM + CJS + type declarations. The private contract package is compiled into
 * the output (code and types), so the published SDK depends only on public
 * packages (zod, @ts-rest/core).
 */
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  noExternal: ["@rackplane/contract"],
  target: "es2022",
  platform: "neutral",
  sourcemap: true,
  clean: true,
});
