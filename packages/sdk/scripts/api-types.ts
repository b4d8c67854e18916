// Renders src/generated/ from the contract (see scripts/api-types/render.ts):
// `pnpm --filter @rackplane/sdk api-types`. test/api-types.test.ts fails when the
// committed files are not what this renders.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { renderApiTypes } from "./api-types/render";

export const generatedDir = join(import.meta.dirname, "../src/generated");

if (process.argv[1] === import.meta.filename) {
  const files = renderApiTypes();
  mkdirSync(generatedDir, { recursive: true });
  for (const f of readdirSync(generatedDir)) if (!files.has(f)) rmSync(join(generatedDir, f));
  for (const [name, text] of files) {
    mkdirSync(dirname(join(generatedDir, name)), { recursive: true });
    writeFileSync(join(generatedDir, name), text);
  }
  console.log(`wrote ${files.size} files to ${generatedDir}`);
}
