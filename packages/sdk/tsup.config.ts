import { defineConfig } from "tsup";

/**
 * ESM + CJS + type declarations. The private contract package is compiled into
 * the output (code and types), so the published SDK depends only on public
 * packages (zod, @ts-rest/core).
 */
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: {
    resolve: ["@rackplane/contract"],
    // Reach the contract by its real path so its zod/ts-rest types resolve to the SDK's own dependencies.
    compilerOptions: { baseUrl: ".", paths: { "@rackplane/contract": ["../contract/src/index.ts"] } },
  },
  noExternal: ["@rackplane/contract"],
  target: "es2022",
  platform: "neutral",
  sourcemap: true,
  clean: true,
});
