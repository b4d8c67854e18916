import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { make, startServer, type TestServer } from "./harness";

let s: TestServer;
let alice: { id: number };
let bob: { id: number };
const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString("base64")}`;
const token = async (body: Record<string, unknown>) => {
  const r = await s.post("/api/users/tokens/", body);
  expect(r.status).toBe(201);
  return r.body as { id: number; key: string; prefix: string };
};
const rows = async (q: ReturnType<typeof sql>) => rowsOf<Record<string, unknown>>(await s.database.db.execute(q));

beforeAll(async () => {
  s = await startServer();
  const g = await make(s, "/api/users/groups/", { name: "ops" });
  alice = await make(s, "/api/users/users/", { username: "alice", password: "correct horse", groups: [g.id] });
  bob = await make(s, "/api/users/users/", { username: "bob", password: "battery staple" });
});
afterAll(async () => s?.close());

describe("credentials", () => {
  it("refuses anonymous callers with 401 and WWW-Authenticate", async () => {
    const r = await s.as(null).get("/api/dcim/regions/");
    expect(r.status).toBe(401);
    expect(r.body.detail).toMatch(/credentials were not provided/);
    expect(r.headers.get("www-authenticate")).toMatch(/^Token realm="rackplane", Bearer/);
    expect(r.headers.get("x-request-id")).toBeTruthy();
    expect((await s.as("Token 0123456789abcdef0123456789abcdef01234567").get("/api/dcim/regions/")).status).toBe(401);
    expect((await s.as("Token nope").get("/api/dcim/regions/")).status).toBe(401);
    expect((await s.as("Digest x").get("/api/dcim/regions/")).status).toBe(401);
  });

  it("never returns or stores the password in clear", async () => {
    const r = await s.get(`/api/users/users/${alice.id}/`);
    expect(r.status).toBe(200);
    expect(r.body).not.toHaveProperty("password");
    expect(r.body.groups.map((g: { display: string }) => g.display)).toEqual(["ops"]);
    const [row] = await rows(sql`SELECT password FROM users WHERE username = 'alice'`);
    expect(String(row!.password)).toMatch(/^\$2[aby]\$/);
    expect(String(row!.password)).not.toContain("correct horse");
    // A PATCH without a password keeps the hash; with one, replaces it.
    await s.patch(`/api/users/users/${alice.id}/`, { email: "alice@example.com" });
    const [same] = await rows(sql`SELECT password FROM users WHERE username = 'alice'`);
    expect(same!.password).toBe(row!.password);
  });

  it("shows a token key once and stores only prefix + hash", async () => {
    const t = await token({ user: alice.id, description: "ci" });
    expect(t.key).toMatch(/^[0-9a-f]{40}$/);
    expect(t.prefix).toBe(t.key.slice(0, 8));
    const again = await s.get(`/api/users/tokens/${t.id}/`);
    expect(again.body.key).toBeNull();
    const list = await s.get("/api/users/tokens/");
    expect(JSON.stringify(list.body)).not.toContain(t.key);
    const stored = JSON.stringify(await rows(sql`SELECT * FROM tokens`));
    expect(stored).not.toContain(t.key);
    expect(stored).not.toContain(t.key.slice(8));
    const me = await s.as(`Token ${t.key}`).get("/api/users/me/");
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: "alice", groups: ["ops"], auth_method: "token", is_superuser: false });
  });

  it("records last_used at most once a minute", async () => {
    const t = await token({ user: bob.id });
    await s.as(`Token ${t.key}`).get("/api/dcim/regions/");
    const [first] = await rows(sql`SELECT last_used FROM tokens WHERE id = ${t.id}`);
    expect(first!.last_used).not.toBeNull();
    await s.as(`Token ${t.key}`).get("/api/dcim/regions/");
    const [second] = await rows(sql`SELECT last_used FROM tokens WHERE id = ${t.id}`);
    expect(String(second!.last_used)).toBe(String(first!.last_used));
  });

  it("rejects expired tokens and inactive users", async () => {
    const t = await token({ user: bob.id, expires: "2001-01-01T00:00:00Z" });
    const r = await s.as(`Token ${t.key}`).get("/api/dcim/regions/");
    expect(r.status).toBe(401);
    expect(r.body.detail).toMatch(/expired/);
    const carol = await make(s, "/api/users/users/", { username: "carol", is_active: false });
    const c = await token({ user: carol.id });
    expect((await s.as(`Token ${c.key}`).get("/api/dcim/regions/")).status).toBe(401);
  });

  it("issues, refreshes and accepts JWTs; Basic only on /api/token/ and /whoami", async () => {
    const bad = await s.as(null).post("/api/token/", { username: "alice", password: "wrong" });
    expect(bad.status).toBe(401);
    const pair = await s.as(null).post("/api/token/", { username: "alice", password: "correct horse" });
    expect(pair.status).toBe(200);
    expect(new Date(pair.body.access_expires).getTime() - Date.now()).toBeGreaterThan(23 * 3600 * 1000);
    const me = await s.as(`Bearer ${pair.body.access}`).get("/whoami");
    expect(me.body).toMatchObject({ username: "alice", auth_method: "jwt", scopes: null });
    // A refresh token is not an access token.
    expect((await s.as(`Bearer ${pair.body.refresh}`).get("/api/dcim/regions/")).status).toBe(401);
    const refreshed = await s.as(null).post("/api/token/refresh/", { refresh: pair.body.refresh });
    expect(refreshed.status).toBe(200);
    expect((await s.as(`Bearer ${refreshed.body.access}`).get("/api/dcim/regions/")).status).toBe(200);
    expect((await s.as(null).post("/api/token/refresh/", { refresh: pair.body.access })).status).toBe(401);

    const viaBasic = await s.as(basic("alice", "correct horse")).request("POST", "/api/token/");
    expect(viaBasic.status).toBe(200);
    const who = await s.as(basic("alice", "correct horse")).get("/whoami");
    expect(who.body).toMatchObject({ username: "alice", auth_method: "basic" });
    expect((await s.as(basic("alice", "nope")).get("/whoami")).status).toBe(401);
    const elsewhere = await s.as(basic("alice", "correct horse")).get("/api/dcim/regions/");
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.headers.get("www-authenticate")).not.toContain("Basic");
    expect((await s.as(null).get("/whoami")).headers.get("www-authenticate")).toContain("Basic");
  });
});

describe("authorization", () => {
  it("read-only tokens may read but get 403 on writes", async () => {
    const t = await token({ user: alice.id, write_enabled: false });
    const as = s.as(`Token ${t.key}`);
    expect((await as.get("/api/dcim/regions/")).status).toBe(200);
    const w = await as.post("/api/dcim/regions/", { name: "R", slug: "r" });
    expect(w.status).toBe(403);
    expect(w.body.detail).toMatch(/read-only/);
  });

  it("scopes limit a token to apps", async () => {
    const t = await token({ user: alice.id, scopes: "dcim:read,core:write" });
    const as = s.as(`Token ${t.key}`);
    expect((await as.get("/api/dcim/regions/")).status).toBe(200);
    expect((await as.post("/api/dcim/regions/", { name: "R", slug: "r" })).status).toBe(403);
    expect((await as.post("/api/core/tags/", { name: "scoped", slug: "scoped" })).status).toBe(201);
    expect((await as.get("/api/users/tokens/")).status).toBe(403);
    expect((await as.get("/api/users/me/")).body.scopes).toEqual(["dcim:read", "core:write"]);
    const bad = await s.post("/api/users/tokens/", { user: alice.id, scopes: "dcim:admin" });
    expect(bad.status).toBe(400);
    expect(bad.body.scopes).toBeDefined();
  });

  it("a user sees and manages only their own tokens; accounts are for superusers", async () => {
    const a = await token({ user: alice.id, description: "alice's" });
    const b = await token({ user: bob.id, description: "bob's" });
    const as = s.as(`Token ${a.key}`);
    const list = await as.get("/api/users/tokens/");
    expect(list.body.count).toBeGreaterThan(0);
    expect(list.body.results.every((t: { user: { id: number } }) => t.user.id === alice.id)).toBe(true);
    const all = await s.get("/api/users/tokens/");
    expect(all.body.count).toBeGreaterThan(list.body.count);
    expect((await as.get(`/api/users/tokens/${b.id}/`)).status).toBe(404);
    expect((await as.patch(`/api/users/tokens/${b.id}/`, { description: "x" })).status).toBe(404);
    expect((await as.del(`/api/users/tokens/${b.id}/`)).status).toBe(404);
    const own = await as.post("/api/users/tokens/", { description: "mine" });
    expect(own.status).toBe(201);
    expect(own.body.user.id).toBe(alice.id);
    const theirs = await as.post("/api/users/tokens/", { user: bob.id });
    expect(theirs.status).toBe(400);
    expect(theirs.body.user[0]).toMatch(/own tokens/);
    expect((await as.post("/api/users/users/", { username: "mallory" })).status).toBe(403);
    expect((await as.patch(`/api/users/users/${alice.id}/`, { is_superuser: true })).status).toBe(403);
    expect((await as.get("/api/users/users/")).status).toBe(200);
  });
});

describe("anonymous read setting", () => {
  it("lets anonymous callers read, never write", async () => {
    const open = await startServer({ RACKPLANE_ANONYMOUS_READ: "1" });
    try {
      const anon = open.as(null);
      expect((await anon.get("/api/dcim/regions/")).status).toBe(200);
      expect((await anon.post("/api/dcim/regions/", { name: "R", slug: "r" })).status).toBe(401);
      expect((await anon.get("/api/users/users/")).status).toBe(401);
    } finally {
      await open.close();
    }
  });
});

describe("rate limiting", () => {
  it("counts per token in the database, shared by replicas: 429 with Retry-After", async () => {
    const env = { RACKPLANE_RATE_LIMIT: "4", RACKPLANE_RATE_LIMIT_WINDOW: "3600" };
    const one = await startServer(env);
    const two = await startServer(env, { sameDatabaseAs: one });
    try {
      const statuses: number[] = [];
      for (const srv of [one, two, one, two]) statuses.push((await srv.get("/api/dcim/regions/")).status);
      expect(statuses).toEqual([200, 200, 200, 200]);
      const over = await two.get("/api/dcim/regions/");
      expect(over.status).toBe(429);
      const retry = Number(over.headers.get("retry-after"));
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(3600);
      expect(over.body.detail).toMatch(/throttled/);
      // Another subject (anonymous, by address) has its own budget.
      expect((await one.as(null).get("/api/dcim/regions/")).status).toBe(401);
      const counters = rowsOf<{ subject: string; hits: number }>(
        await one.database.db.execute(sql`SELECT subject, hits FROM rate_limit_counters ORDER BY subject`),
      );
      expect(counters.map((c) => c.subject)).toEqual([
        expect.stringMatching(/^ip:/),
        expect.stringMatching(/^token:\d+$/),
      ]);
      expect(Number(counters[1]!.hits)).toBe(5);
    } finally {
      await two.close();
      await one.close();
    }
  });
  it("leases hits in batches far from the limit and stays exact at the limit across replicas", async () => {
    const env = { RACKPLANE_RATE_LIMIT: "60", RACKPLANE_RATE_LIMIT_WINDOW: "3600" };
    const one = await startServer(env);
    const two = await startServer(env, { sameDatabaseAs: one });
    try {
      const hits = async () =>
        Number(
          rowsOf<{ hits: number }>(
            await one.database.db.execute(sql`SELECT hits FROM rate_limit_counters WHERE subject LIKE 'token:%'`),
          )[0]?.hits,
        );
      const statuses: number[] = [(await one.get("/api/core/tags/")).status];
      expect(await hits()).toBe(20); // one lease reserved, one hit of it used
      for (let i = 1; i < 60; i++) statuses.push((await (i % 2 ? two : one).get("/api/core/tags/")).status);
      expect(statuses.every((st) => st === 200)).toBe(true);
      expect((await one.get("/api/core/tags/")).status).toBe(429);
      expect((await two.get("/api/core/tags/")).status).toBe(429);
      // 40 requests were served from two leases of 20, the last 20 one by one: 62 hits counted.
      expect(await hits()).toBe(62);
    } finally {
      await two.close();
      await one.close();
    }
  });
  it("concurrent requests share one reservation: 60 at once reserve three leases, not one each", async () => {
    const one = await startServer({ RACKPLANE_RATE_LIMIT: "100000", RACKPLANE_RATE_LIMIT_WINDOW: "3600" });
    try {
      const statuses = await Promise.all(
        Array.from({ length: 60 }, async () => (await one.get("/api/core/tags/")).status),
      );
      expect(statuses.every((st) => st === 200)).toBe(true);
      const [row] = rowsOf<{ hits: number }>(
        await one.database.db.execute(sql`SELECT hits FROM rate_limit_counters WHERE subject LIKE 'token:%'`),
      );
      expect(Number(row?.hits)).toBe(60);
    } finally {
      await one.close();
    }
  });
});
