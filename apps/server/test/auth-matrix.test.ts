import { contract } from "@rackplane/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flattenRoutes, isBulk } from "../src/http/route-table";
import { make, startServer, type TestServer } from "./harness";

/**
 * Every operation of the contract × every kind of caller → the status class the
 * access rules promise. Generated from the contract, so a new operation is covered
 * the day it is declared. "allowed" means the access layer let the request through:
 * whatever the operation then answers (200, 400 for the empty body, 404 for the
 * dummy id …), it is neither 401 nor 403. (5xx are the fuzz suite's business.)
 */
const PUBLIC = new Set(["system.status", "system.live", "auth.tokenObtain", "auth.tokenRefresh", "auth.apiTokenAuth"]);
/** Public operations that authenticate the caller themselves (an empty body is a 400/401 for anyone). */
const SELF_AUTHENTICATING = new Set(["auth.tokenObtain", "auth.tokenRefresh", "auth.apiTokenAuth"]);
const SUPERUSER_WRITES = new Set(["users.users", "users.groups", "users.permissions", "core.eventForwardings"]);
const UNSCOPED = new Set(["auth", "system"]);

type Expect = "allowed" | 401 | 403;
type Caller = "anonymous" | "readOnly" | "write" | "expired" | "wrongScope" | "jwt" | "superuser";
const CALLERS: Caller[] = ["anonymous", "readOnly", "write", "expired", "wrongScope", "jwt", "superuser"];

function expected(caller: Caller, key: string, method: string): Expect {
  const write = method !== "GET";
  const [app = "", resource = ""] = key.split(".");
  const publicOp = PUBLIC.has(key);
  // Bad credentials are refused before routing, whatever the operation.
  if (caller === "expired") return 401;
  if (caller === "superuser" || publicOp) return "allowed";
  if (caller === "anonymous") return 401;
  if (caller === "readOnly" && write) return 403;
  if (caller === "wrongScope" && !UNSCOPED.has(app)) return 403;
  if (write && SUPERUSER_WRITES.has(`${app}.${resource}`)) return 403;
  return "allowed";
}

const entries = flattenRoutes(contract);
let s: TestServer;
const auth: Record<Caller, string | null> = {} as Record<Caller, string | null>;

beforeAll(async () => {
  s = await startServer();
  const user = await make(s, "/api/users/users/", { username: "matrix", password: "tangled-web-7" });
  const token = async (body: Record<string, unknown>) =>
    `Token ${(await make(s, "/api/users/tokens/", { user: user.id, ...body })).key}`;
  auth.anonymous = null;
  auth.readOnly = await token({ write_enabled: false });
  auth.write = await token({});
  auth.expired = await token({ expires: "2020-01-01T00:00:00Z" });
  auth.wrongScope = await token({ scopes: "nosuchapp:write" });
  const pair = await s.as(null).post("/api/token/", { username: "matrix", password: "tangled-web-7" });
  auth.jwt = `Bearer ${pair.body.access}`;
  auth.superuser = `Token ${s.token}`;
});
afterAll(async () => s?.close());

describe("auth matrix: every operation × every caller", () => {
  it(`covers all ${entries.length} operations`, () => {
    expect(entries.length).toBeGreaterThan(100);
    expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length);
  });

  for (const caller of CALLERS) {
    it(`${caller}`, { timeout: 120_000 }, async () => {
      const client = s.as(auth[caller]);
      const wrong: string[] = [];
      const counts = { allowed: 0, 401: 0, 403: 0 };
      for (const { key, route } of entries) {
        const path = route.path.replace(":id", "999999").replace(":transition", "install");
        const body = route.method === "GET" ? undefined : isBulk(route) ? [] : {};
        const r = await client.request(route.method, path, body);
        const want = expected(caller, key, route.method);
        counts[want]++;
        const ok =
          want === "allowed"
            ? r.status !== 403 && (r.status !== 401 || SELF_AUTHENTICATING.has(key))
            : r.status === want && (want !== 401 || r.headers.get("www-authenticate") !== null);
        if (!ok) wrong.push(`${route.method} ${path} (${key}): ${r.status}, expected ${want}`);
      }
      expect(wrong, wrong.slice(0, 20).join("\n")).toEqual([]);
      expect(counts.allowed + counts[401] + counts[403]).toBe(entries.length);
    });
  }
});
