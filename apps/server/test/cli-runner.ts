import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import type { Storage } from "./server-process";

const run = promisify(execFile);

/** The real `rackplane` binary, as users run it. */
export const rackplaneBin = resolve(import.meta.dirname, "../bin/rackplane.mjs");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `rackplane <args>` with `env` (the whole environment: callers start from
 * `process.env`) and resolves with its exit code and output — a failing command is a
 * result, not a rejection. Generous default bound: each run starts Node and may migrate.
 */
export async function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { cwd?: string; timeout?: number } = {},
): Promise<CliResult> {
  try {
    const r = await run(process.execPath, [rackplaneBin, ...args], {
      env,
      cwd: options.cwd,
      timeout: options.timeout ?? 150_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The environment for the CLI on `storage` (fast hashing, no admin password from the caller's shell). */
export const cliEnv = (storage: Storage): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: "databaseUrl" in storage ? storage.databaseUrl : "",
  RACKPLANE_DATA_DIR: "dataDir" in storage ? storage.dataDir : "",
  RACKPLANE_BCRYPT_ROUNDS: "4",
  RACKPLANE_ADMIN_PASSWORD: "",
});
