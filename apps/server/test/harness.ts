import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { type DatabaseHandle, migrationsKey, openDatabase } from "@rackplane/db";
import postgres from "postgres";
import { createRackplane } from "../src/app";
import { configFromEnv } from "../src/config";
import { applyServerTimeouts } from "../src/http/server-timeouts";
import { openapiValidator } from "./openapi-validator";

export const backend = (process.env.RACKPLANE_TEST_BACKEND ?? "pglite") as "pglite" | "postgresql";

/**
 * An empty PostgreSQL database with every migration applied, named by the migrations' hash:
 * each test server's database is a copy of it (`CREATE DATABASE … TEMPLATE`, a file copy)
 * instead of running every migration again. The server still migrates at start — a no-op on
 * a current copy — so what is tested is the same. Built once per migration set, under an
 * advisory lock (test files start in parallel processes), and renamed into place whole.
 */
async function migratedTemplate(admin: postgres.Sql, url: URL): Promise<string> {
  const name = `rp_template_${migrationsKey()}`;
  const has = async () => (await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`).length > 0;
  if (await has()) return name;
  await admin`SELECT pg_advisory_lock(hashtext(${name}))`;
  try {
    if (await has()) return name;
    const building = `${name}_${randomBytes(4).toString("hex")}`;
    await admin.unsafe(`CREATE DATABASE ${building}`);
    const buildUrl = new URL(url);
    buildUrl.pathname = `/${building}`;
    const handle = await openDatabase({ url: buildUrl.toString(), poolSize: 1 });
    try {
      await handle.migrate();
    } finally {
      await handle.close();
    }
    await admin.unsafe(`ALTER DATABASE ${building} RENAME TO ${name}`);
    // Templates of older migration sets are never copied again (best effort: a run still
    // copying one keeps it until next time).
    for (const {
      datname,
    } of await admin`SELECT datname FROM pg_database WHERE datname LIKE 'rp\_template\_%' AND datname <> ${name}`)
      await admin.unsafe(`DROP DATABASE IF EXISTS ${datname}`).catch(() => {});
    return name;
  } finally {
    await admin`SELECT pg_advisory_unlock(hashtext(${name}))`;
  }
}

/** A fresh, empty database on the backend under test (a new PostgreSQL database per server). */
async function freshDatabase(poolSize = 5): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  if (backend === "pglite") {
    const handle = await openDatabase({ dataDir: "memory://" });
    return { handle, drop: async () => {} };
  }
  const url = new URL(process.env.DATABASE_URL!);
  const name = `rp_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
  // A run on another migration set (another checkout on the same PostgreSQL server) drops the
  // templates it does not use; the template is then built again.
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${await migratedTemplate(admin, url)}`);
      break;
    } catch (err) {
      if ((err as { code?: string }).code !== "3D000" || attempt >= 3) throw err;
    }
  }
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const handle = await openDatabase({ url: testUrl.toString(), poolSize });
  return {
    handle,
    drop: async () => {
      // Cleanup only: a database left behind by a refused drop does not change any result.
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await admin.end();
    },
  };
}

export interface Response<T = any> {
  status: number;
  headers: Headers;
  body: T;
  queries: number;
}

export interface TestServer {
  baseUrl: string;
  database: DatabaseHandle;
  /** Key of the superuser token every request sends by default (`Authorization: Token <key>`). */
  token: string;
  /**
   * The same helpers with other credentials: `s.as(null)` is anonymous,
   * `s.as("Token <key>")` / `s.as("Bearer <jwt>")` another caller. A request's own
   * `authorization` header wins too (`""` sends none).
   */
  as(authorization: string | null): Pick<TestServer, "request" | "get" | "post" | "put" | "patch" | "del">;
  request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response<T>>;
  get<T = any>(path: string, headers?: Record<string, string>): Promise<Response<T>>;
  post<T = any>(path: string, body?: unknown): Promise<Response<T>>;
  put<T = any>(path: string, body?: unknown): Promise<Response<T>>;
  patch<T = any>(path: string, body?: unknown): Promise<Response<T>>;
  del<T = any>(path: string, body?: unknown): Promise<Response<T>>;
  /** The Express app's shared state (`locals.jobs`, `locals.draining` …). */
  locals: Record<string, unknown>;
  close(): Promise<void>;
}

/**
 * Starts the real server over real HTTP on loopback, on a fresh database, with
 * every response validated against the contract (a mismatch is a 500 the test sees).
 */
export async function startServer(
  env: Record<string, string> = {},
  /** `sameDatabaseAs`: a second server process on another server's database (shared jobs). */
  opts: {
    sameDatabaseAs?: TestServer;
    /** PostgreSQL connections of the server's pool (1: the test's own statements share the server's session). */
    poolSize?: number;
  } = {},
): Promise<TestServer> {
  const shared = opts.sameDatabaseAs;
  const { handle, drop } = shared
    ? { handle: shared.database, drop: async () => {} }
    : await freshDatabase(opts.poolSize);
  // Every server gets a superuser token, sent by default, so tests exercise the API as an
  // authenticated admin unless they ask otherwise. Rate limiting is off unless a test turns it on.
  const token = env.RACKPLANE_ADMIN_TOKEN ?? shared?.token ?? randomBytes(20).toString("hex");
  const testEnv = { RACKPLANE_BCRYPT_ROUNDS: "4", RACKPLANE_RATE_LIMIT: "0", ...env, RACKPLANE_ADMIN_TOKEN: token };
  const config = { ...configFromEnv({ ...process.env, ...testEnv }), strict: true, logLevel: "error" };
  const rp = await createRackplane(config, handle);
  const server = rp.app.listen(0, "127.0.0.1");
  applyServerTimeouts(server, config); // as `rackplane serve`: fetch's kept-alive sockets never race an idle close
  await new Promise((r) => server.once("listening", r));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const requestAs =
    (authorization: string | null) =>
    async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const all: Record<string, string> = {
        accept: "application/json",
        ...(authorization ? { authorization } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      };
      if (all.authorization === "") delete all.authorization;
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        redirect: "manual",
        headers: all,
        body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      });
      const text = await res.text();
      // Every response must match the OpenAPI document too, not only the contract's zod.
      openapiValidator().check({ method, path, status: res.status, headers: res.headers, text });
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {}
      return {
        status: res.status,
        headers: res.headers,
        body: parsed as any,
        queries: Number(res.headers.get("x-query-count") ?? -1),
      };
    };
  const helpers = (authorization: string | null) => {
    const request = requestAs(authorization);
    return {
      request,
      get: (p: string, h?: Record<string, string>) => request("GET", p, undefined, h),
      post: (p: string, b?: unknown) => request("POST", p, b),
      put: (p: string, b?: unknown) => request("PUT", p, b),
      patch: (p: string, b?: unknown) => request("PATCH", p, b),
      del: (p: string, b?: unknown) => request("DELETE", p, b),
    };
  };
  return {
    baseUrl,
    database: handle,
    token,
    as: helpers,
    ...helpers(`Token ${token}`),
    locals: rp.app.locals,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      if (shared) return Promise.all([rp.jobs.stop(), rp.forwarder.stop()]).then(() => {});
      await rp.close();
      await drop();
    },
  };
}

/** Creates and returns an object, failing loudly if the server refuses. */
export async function make<T = any>(s: TestServer, path: string, body: unknown): Promise<T> {
  const r = await s.post(path, body);
  if (r.status !== 201) throw new Error(`POST ${path} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}
