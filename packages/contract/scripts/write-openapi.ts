/**
 * `pnpm openapi`: writes the committed OpenAPI document from the contract.
 * `--check` exits 1 when the committed file differs (CI and the stale test use the same logic).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { openapiYaml } from "../src/openapi/index";

export const OPENAPI_FILE = fileURLToPath(new URL("../../../openapi/rackplane.yaml", import.meta.url));

const yaml = openapiYaml();
if (process.argv.includes("--check")) {
  const committed = readFileSync(OPENAPI_FILE, "utf8");
  if (committed !== yaml) {
    console.error(`${OPENAPI_FILE} is stale: run \`pnpm openapi\` and commit it.`);
    process.exit(1);
  }
  console.log(`${OPENAPI_FILE} is current.`);
} else {
  writeFileSync(OPENAPI_FILE, yaml);
  console.log(`wrote ${OPENAPI_FILE} (${yaml.length} bytes)`);
}
