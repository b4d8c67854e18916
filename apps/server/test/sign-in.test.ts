import { monitorEventLoopDelay } from "node:perf_hooks";
import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { make, startServer, type TestServer } from "./harness";

const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString("base64")}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe("failed sign-ins take as long whether or not the username exists", () => {
  let s: TestServer;
  // A real bcrypt cost (the harness's 4 takes ~1 ms, lost in the noise); the throttle is off here.
  beforeAll(async () => {
    s = await startServer({ RACKPLANE_BCRYPT_ROUNDS: "11", RACKPLANE_LOGIN_MAX_FAILURES: "0" });
    await make(s, "/api/users/users/", { username: "carol", password: "carol-password" });
    await make(s, "/api/users/users/", { username: "dave", password: "dave-password", is_active: false });
  });
  afterAll(async () => s?.close());

  it("existing, inactive and unknown usernames: same order of magnitude (JSON body and Basic)", async () => {
    const time = async (f: () => Promise<{ status: number }>) => {
      const t = performance.now();
      expect((await f()).status).toBe(401);
      return performance.now() - t;
    };
    const tries = { existing: [] as number[], inactive: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 5; i++) {
      // Interleaved, so a burst of load elsewhere on the machine hits every kind alike.
      tries.existing.push(await time(() => s.as(null).post("/api/token/", { username: "carol", password: "wrong" })));
      tries.inactive.push(
        await time(() => s.as(null).post("/api/token/", { username: "dave", password: "dave-password" })),
      );
      tries.unknown.push(await time(() => s.as(null).post("/api/token/", { username: `nobody${i}`, password: "x" })));
      tries.existing.push(await time(() => s.as(basic("carol", "wrong")).get("/whoami")));
      tries.unknown.push(await time(() => s.as(basic(`ghost${i}`, "x")).get("/whoami")));
    }
    const [existing, inactive, unknown] = [median(tries.existing), median(tries.inactive), median(tries.unknown)];
    const msg = JSON.stringify(tries);
    // Before the dummy hash an unknown username answered ~20× faster than a known one.
    expect(unknown, msg).toBeGreaterThan(existing / 4);
    expect(unknown, msg).toBeLessThan(existing * 4);
    expect(inactive, msg).toBeGreaterThan(existing / 4);
    expect(inactive, msg).toBeLessThan(existing * 4);
  });

  it("bad sign-ins do not block the event loop (bcrypt runs in worker threads)", async () => {
    const one: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await s.as(null).post("/api/token/", { username: "carol", password: "wrong" });
      one.push(performance.now() - t);
    }
    // The server runs in this process (harness): watch this process's event loop during a burst.
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) => s.as(null).post("/api/token/", { username: "carol", password: `w${i}` })),
    );
    delay.disable();
    expect(burst.map((r) => r.status)).toEqual(Array(8).fill(401));
    // bcrypt on the event loop blocks it for a whole check (most of a sign-in) at a time, so most
    // of the few ticks in the burst are that long; off the loop, ticks are short but for a rare
    // pause (GC, the embedded database) — hence a high percentile, not the maximum.
    const blocked = delay.percentile(90) / 1e6;
    expect(blocked, `event loop p90 delay ${blocked} ms; one sign-in ${JSON.stringify(one)} ms`).toBeLessThan(
      median(one) / 2,
    );
  });
});

describe("login throttle", () => {
  let s: TestServer;
  const rows = async (q: ReturnType<typeof sql>) => rowsOf<Record<string, unknown>>(await s.database.db.execute(q));
  beforeAll(async () => {
    s = await startServer({
      RACKPLANE_LOGIN_MAX_FAILURES: "3",
      RACKPLANE_LOGIN_MAX_FAILURES_PER_ADDRESS: "8",
      RACKPLANE_LOGIN_WINDOW: "3600",
    });
    await make(s, "/api/users/users/", { username: "erin", password: "erin-password" });
    await make(s, "/api/users/users/", { username: "frank", password: "frank-password" });
  });
  afterAll(async () => s?.close());

  it("per username: after 3 failures even the right password is a 429 with Retry-After, checked before bcrypt", async () => {
    const login = (password: string) => s.as(null).post("/api/token/", { username: "erin", password });
    expect((await login("wrong-1")).status).toBe(401);
    // A success clears the username's failures …
    expect((await login("erin-password")).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await login(`wrong-${i}`)).status).toBe(401);
    // … and after the limit nothing is checked: the right password is refused too, by Basic as well.
    const over = await login("erin-password");
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(over.headers.get("retry-after"))).toBeLessThanOrEqual(3600);
    expect(over.body.detail).toMatch(/Too many failed sign-ins/);
    const viaBasic = await s.as(basic("erin", "erin-password")).get("/whoami");
    expect(viaBasic.status).toBe(429);
    expect(viaBasic.headers.get("retry-after")).toBeTruthy();
    // The username's case does not buy fresh attempts; another user is not affected.
    expect((await s.as(null).post("/api/token/", { username: "ERIN", password: "x" })).status).toBe(429);
    expect((await s.as(null).post("/api/token/", { username: "frank", password: "frank-password" })).status).toBe(200);
    // Tokens keep working: only password sign-in is throttled.
    expect((await s.get("/api/users/me/")).status).toBe(200);
    const [row] = await rows(sql`SELECT failures FROM login_failures WHERE subject = 'user:erin'`);
    expect(Number(row!.failures)).toBeGreaterThanOrEqual(4);
  });

  it("per client address: many usernames from one address run into the address limit", async () => {
    const [before] = await rows(sql`SELECT failures FROM login_failures WHERE subject LIKE 'addr:%'`);
    const used = Number(before?.failures ?? 0);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      statuses.push((await s.as(null).post("/api/token/", { username: `spray-${i}`, password: "x" })).status);
    }
    const allowed = Math.max(0, 8 - used);
    expect(statuses).toEqual([...Array(allowed).fill(401), ...Array(10 - allowed).fill(429)]);
    expect(statuses).toContain(429);
  });

  it("concurrent guesses cannot slip past the limit", async () => {
    await make(s, "/api/users/users/", { username: "gina", password: "gina-password" });
    // The address limit is spent by now: clear it so only the username's limit counts here.
    await s.database.db.execute(sql`DELETE FROM login_failures WHERE subject LIKE 'addr:%'`);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => s.as(null).post("/api/token/", { username: "gina", password: `g${i}` })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
  });
});

describe("what a refusal never does", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ RACKPLANE_RATE_LIMIT: "3", RACKPLANE_RATE_LIMIT_WINDOW: "3600" });
  });
  afterAll(async () => s?.close());

  it("a 401 never echoes the credential it refused", async () => {
    const secret = "s3cr3t-0123456789abcdef";
    for (const header of [secret, `Weird ${secret}`, `Token ${secret}`, `Bearer ${secret}`, `Basic ${secret}`]) {
      const r = await s.as(header).get("/api/dcim/regions/");
      expect(r.status, header).toBe(401);
      const seen = JSON.stringify(r.body) + [...r.headers.values()].join(" ");
      expect(seen, header).not.toContain(secret);
      expect(seen, header).not.toContain("Weird");
    }
  });

  it("health endpoints are never rate limited", async () => {
    for (let i = 0; i < 4; i++) await s.get("/api/dcim/regions/");
    expect((await s.get("/api/dcim/regions/")).status).toBe(429);
    for (let i = 0; i < 10; i++) {
      expect((await s.get("/api/status/live/")).status).toBe(200);
      expect((await s.get("/api/status/")).status).toBe(200);
      expect((await s.as(null).get("/api/status/")).status).toBe(200);
    }
  });
});

describe("write-only fields", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
    const profile = await make(s, "/api/discovery/auth-profiles/", { name: "p" });
    await make(s, `/api/discovery/auth-profiles/${profile.id}/credentials/`, { username: "root", password: "calvin" });
  });
  afterAll(async () => s?.close());

  it("are no filter, ordering or search term, for every kind: a 400 like any unknown parameter", async () => {
    const nonsense = await s.get("/api/discovery/credentials/?no_such_filter=x");
    expect(nonsense.status).toBe(400);
    const probes = [
      "/api/discovery/credentials/?password__startswith=v",
      "/api/discovery/credentials/?password=calvin",
      "/api/discovery/credentials/?ordering=password",
      "/api/discovery/auth-profiles/1/credentials/?password__startswith=v",
      "/api/peering/ixp-sessions/?password=x",
      "/api/users/users/?password__startswith=$2",
      "/api/core/event-forwardings/?basic_password__isnull=false",
      "/api/assets/sim-cards/?pin1=1234",
    ];
    for (const p of probes) {
      const r = await s.get(p);
      expect(r.status, p).toBe(400);
      const param = /[?&](\w+?)(?:__\w+)?=/.exec(p)![1]!;
      expect(JSON.stringify(r.body), p).toContain(param);
    }
    // Search never reaches the password either.
    expect((await s.get("/api/discovery/credentials/?search=calvin")).body.count).toBe(0);
    expect((await s.get("/api/discovery/credentials/?search=root")).body.count).toBe(1);
  });
});
