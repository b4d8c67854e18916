import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const repoDir = resolve(benchDir, "..");
const tsx = resolve(benchDir, "node_modules/.bin/tsx");

/** The bootstrap superuser token the benchmark starts the server with; every server request carries it. */
export const TOKEN = "0123456789abcdef0123456789abcdef01234567";
/**
 * `BENCH_ANONYMOUS=1` measures without credentials (anonymous reads allowed): the
 * difference to the default run is the cost of authentication per request.
 */
const anonymous = process.env.BENCH_ANONYMOUS === "1";
export const AUTH: Record<string, string> = anonymous ? {} : { authorization: `Token ${TOKEN}` };
/**
 * Server settings for measuring: a token (real auth cost), statement counts
 * exposed. Rate limiting stays on (one upsert per request, as deployed) but with a
 * budget the load cannot exhaust; `RACKPLANE_RATE_LIMIT=0` in the environment turns it off.
 */
/**
 * The V8 options `pnpm start` runs the server with (apps/server/package.json's start script:
 * a young generation large enough that a page of 1,000 rows is not scavenged several times).
 */
export const startNodeOptions =
  /NODE_OPTIONS="([^"$]*)/
    .exec(
      (JSON.parse(readFileSync(resolve(repoDir, "apps/server/package.json"), "utf8")) as { scripts: { start: string } })
        .scripts.start,
    )?.[1]
    ?.trim() ?? "";

export const serverEnv = {
  NODE_OPTIONS: startNodeOptions,
  RACKPLANE_ADMIN_TOKEN: TOKEN,
  RACKPLANE_RATE_LIMIT: process.env.RACKPLANE_RATE_LIMIT ?? "1000000000",
  RACKPLANE_QUERY_COUNT: "1",
  RACKPLANE_LOG_LEVEL: "warn",
  ...(anonymous ? { RACKPLANE_ANONYMOUS_READ: "1" } : {}),
};

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

export interface Child {
  base: string;
  proc: ChildProcess;
  /** Milliseconds from spawn to the first 200 on `readyPath`. */
  startMs: number;
  stop(): Promise<void>;
}

/**
 * Runs a TypeScript entry point in its own process (so the load generator and
 * the server under test do not share an event loop) and waits for it to answer.
 */
export async function startChild(
  entry: string,
  env: Record<string, string>,
  readyPath = "/api/dcim/servers/?limit=1",
  /** Flags for node itself (`--cpu-prof`, which NODE_OPTIONS does not take); tsx passes them on. */
  nodeArgs: string[] = [],
): Promise<Child> {
  const port = await freePort();
  const started = performance.now();
  const proc = spawn(tsx, [...nodeArgs, entry], {
    cwd: repoDir,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${entry} exited with ${proc.exitCode}`);
    try {
      const r = await fetch(base + readyPath, { headers: AUTH });
      if (r.status === 200) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 25));
    if (performance.now() - started > 120_000) throw new Error(`${entry} did not start within 120 s`);
  }
  const startMs = performance.now() - started;
  return {
    base,
    proc,
    startMs,
    stop: () =>
      new Promise((ok) => {
        if (proc.exitCode !== null) return ok();
        proc.once("exit", () => ok());
        proc.kill("SIGTERM");
      }),
  };
}

export const serverEntry = resolve(repoDir, "apps/server/src/cli.ts");
export const floorEntry = resolve(benchDir, "src/floor.ts");
