import { existsSync } from "node:fs";
import { resolve } from "node:path";

/**
 * Settings from a `.env` file in the working directory (Ralph LRS reads its
 * forwardings so), loaded before any setting is read. The real environment wins:
 * Node's loader never overwrites a variable that is already set.
 */
export function loadDotEnv(file = resolve(process.cwd(), ".env")): boolean {
  if (!existsSync(file)) return false;
  process.loadEnvFile(file);
  return true;
}
