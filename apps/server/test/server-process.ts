import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import postgres from "postgres";
import { track } from "./children";

/**
 * The server as a separate OS process (`tsx src/cli.ts serve`), for tests that must kill
 * it (`kill -9`), run two replicas, or restart the database underneath it. The harness's
 * in-process server cannot be killed without killing the test.
 */

const serverDir = resolve(import.meta.dirname, "..");

export interface ServerProcess {
  baseUrl: string;
  token: string;
  proc: ChildProcess;
  /** Everything the process wrote (stdout + stderr), for failure messages. */
  output(): string;
  /** Resolves with the exit code / signal once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  request<T = any>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T; headers: Headers }>;
  stop(): Promise<void>;
}

/** Where a spawned server keeps its data: a PostgreSQL database URL or a PGlite data dir. */
export type Storage = { databaseUrl: string } | { dataDir: string };

export async function spawnServer(storage: Storage, env: Record<string, string> = {}): Promise<ServerProcess> {
  const token = env.RACKPLANE_ADMIN_TOKEN ?? randomBytes(20).toString("hex");
  // tsx as a loader in one node process: the `tsx` binary would run the server in a child
  // process, and a `kill -9` of the wrapper would leave the server running.
  const proc = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "serve"], {
    cwd: serverDir,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: "databaseUrl" in storage ? storage.databaseUrl : "",
      RACKPLANE_DATA_DIR: "dataDir" in storage ? storage.dataDir : "",
      RACKPLANE_ADMIN_TOKEN: token,
      RACKPLANE_BCRYPT_ROUNDS: "4",
      RACKPLANE_RATE_LIMIT: "0",
      RACKPLANE_LOG_LEVEL: "warn",
      ...env,
    },
  });
  let out = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    proc.once("exit", (code, signal) => r({ code, signal })),
  );
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill("SIGTERM");
      const t = setTimeout(() => proc.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(t);
    }
  };
  track(proc, stop); // ended with its test even when the test fails or times out
  const baseUrl = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => {
      proc.kill("SIGKILL"); // a server that never listened must not outlive the failure
      fail(new Error(`server did not start in 120s:\n${out}`));
    }, 120_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/[\d.]+:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    };
    proc.stdout!.on("data", onData);
    proc.stderr!.on("data", onData);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      fail(new Error(`server exited (${code ?? signal}) before listening:\n${out}`));
    });
  });
  const request = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        accept: "application/json",
        authorization: `Token ${token}`,
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {}
    return { status: res.status, body: parsed as any, headers: res.headers };
  };
  return {
    baseUrl,
    token,
    proc,
    output: () => out,
    exited,
    request,
    stop,
  };
}

/** A new, empty PostgreSQL database on DATABASE_URL's server; `drop` removes it. */
export async function scratchPostgres(): Promise<{ url: string; sql: postgres.Sql; drop(): Promise<void> }> {
  const base = new URL(process.env.DATABASE_URL!);
  const name = `rp_fault_${randomBytes(6).toString("hex")}`;
  const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
  return {
    url: url.toString(),
    sql,
    drop: async () => {
      await sql.end({ timeout: 5 });
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * Scratch storage of the backend under test: a fresh PostgreSQL database or a PGlite
 * data directory; `remove` drops or deletes it.
 */
export async function scratchStorage(): Promise<{ storage: Storage; remove(): Promise<void> | void }> {
  if (process.env.RACKPLANE_TEST_BACKEND === "postgresql") {
    const pg = await scratchPostgres();
    return { storage: { databaseUrl: pg.url }, remove: () => pg.drop() };
  }
  const d = scratchDataDir();
  return { storage: { dataDir: d.dir }, remove: d.remove };
}

/** A temporary PGlite data directory; `remove` deletes it. */
export function scratchDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "rp-pglite-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Whether a statement starting like `pattern` (ILIKE) is seen running inside an open
 * transaction of another session within ~12 s: a request observed mid-flight from the database.
 */
export async function seenRunning(sql: postgres.Sql, pattern: string): Promise<boolean> {
  for (let i = 0; i < 600; i++) {
    const rows = await sql`SELECT 1 FROM pg_stat_activity
      WHERE datname = current_database() AND xact_start IS NOT NULL AND pid <> pg_backend_pid()
        AND query ILIKE ${pattern}`;
    if (rows.length > 0) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}
