import { afterEach, describe, expect, it } from "vitest";
import {
  AbortError,
  AuthenticationError,
  ConnectionError,
  InternalServerError,
  PermissionDeniedError,
  Rackplane,
  RackplaneError,
  RateLimitError,
  TimeoutError,
} from "../src";
import { backoffDelay, retryAfterMs } from "../src/core/retry";
import { flakyServer, json } from "./flaky-server";

const page = { count: 0, next: null, previous: null, results: [] };
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(script: Parameters<typeof flakyServer>[0]) {
  const s = await flakyServer(script);
  close = s.close;
  return s;
}
/** Fast backoff so the tests take milliseconds. */
const client = (baseUrl: string, extra: ConstructorParameters<typeof Rackplane>[0] = {}) =>
  new Rackplane({ baseUrl, backoff: { initialDelay: 20, maxDelay: 100 }, ...extra });
const failure = (p: PromiseLike<unknown>): Promise<any> =>
  Promise.resolve(p).then(
    (v) => {
      throw new Error(`expected an error, got ${JSON.stringify(v)}`);
    },
    (e) => e,
  );

describe("retries", () => {
  it("retries an idempotent request after 503s, keeping its request id", async () => {
    const s = await serve((n, _req, res) => (n < 2 ? json(res, 503, { detail: "busy" }) : json(res, 200, page)));
    const result = await client(s.baseUrl).dcim.servers.list();
    expect(result.count).toBe(0);
    expect(s.requests).toHaveLength(3);
    const ids = new Set(s.requests.map((r) => r.headers["x-request-id"]));
    expect(ids.size).toBe(1);
  });

  it("gives up after maxRetries with the last error", async () => {
    const s = await serve((_n, _req, res) => json(res, 500, { detail: "boom" }, { "x-request-id": "srv-id" }));
    const err = await failure(client(s.baseUrl, { maxRetries: 1 }).dcim.racks.retrieve(3));
    expect(err).toBeInstanceOf(InternalServerError);
    expect(err.status).toBe(500);
    expect(err.body).toEqual({ detail: "boom" });
    expect(err.requestId).toBe("srv-id");
    expect(s.requests).toHaveLength(2);
  });

  it("retries a write on 503 with one Idempotency-Key across attempts", async () => {
    const s = await serve((n, _req, res) =>
      n < 2 ? json(res, 503, { detail: "busy" }) : json(res, 201, { id: 1, name: "a", slug: "a" }),
    );
    const created = await client(s.baseUrl).dcim.regions.create({ name: "a", slug: "a" });
    expect(created.id).toBe(1);
    expect(s.requests.map((r) => r.method)).toEqual(["POST", "POST", "POST"]);
    const keys = s.requests.map((r) => r.headers["idempotency-key"]);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
    // A caller's own key is sent as given.
    const t = await serve((_n, _req, res) => json(res, 201, { id: 2, name: "b", slug: "b" }));
    await client(t.baseUrl).dcim.regions.create({ name: "b", slug: "b" }, { idempotencyKey: "order-42" });
    expect(t.requests[0]!.headers["idempotency-key"]).toBe("order-42");
  });

  it("does not retry a write on 500, nor one without a key", async () => {
    const s = await serve((_n, _req, res) => json(res, 500, { detail: "boom" }));
    const rp = client(s.baseUrl);
    await expect(rp.dcim.regions.create({ name: "a", slug: "a" })).rejects.toBeInstanceOf(InternalServerError);
    await expect(rp.dcim.regions.patch(1, { name: "b" })).rejects.toBeInstanceOf(InternalServerError);
    expect(s.requests.map((r) => r.method)).toEqual(["POST", "PATCH"]);

    const t = await serve((_n, _req, res) => json(res, 503, { detail: "busy" }));
    // A key removed by the caller's own header hook: the write must not be repeated.
    const bare = client(t.baseUrl, {
      onRequest: (r) => {
        delete r.headers["idempotency-key"];
      },
    });
    await expect(bare.dcim.regions.create({ name: "a", slug: "a" }, { maxRetries: 0 })).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(t.requests).toHaveLength(1);
    expect(t.requests[0]!.headers["idempotency-key"]).toBeUndefined();
  });

  it("honours Retry-After on 429, capped by maxRetryAfter", async () => {
    const s = await serve((n, _req, res) =>
      n === 0 ? json(res, 429, { detail: "slow down" }, { "retry-after": "0.3" }) : json(res, 200, page),
    );
    await client(s.baseUrl).dcim.servers.list();
    expect(s.requests[1]!.at - s.requests[0]!.at).toBeGreaterThanOrEqual(280);

    const t = await serve((n, _req, res) =>
      n === 0 ? json(res, 429, { detail: "slow down" }, { "retry-after": "3600" }) : json(res, 200, page),
    );
    const started = Date.now();
    await client(t.baseUrl, { backoff: { maxRetryAfter: 150 } }).dcim.servers.list();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(t.requests[1]!.at - t.requests[0]!.at).toBeGreaterThanOrEqual(140);
  });

  it("retries connection errors, then reports ConnectionError", async () => {
    const s = await serve((_n, req) => req.socket.destroy());
    const err = await failure(client(s.baseUrl, { maxRetries: 2 }).system.status());
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err.status).toBeUndefined();
    expect(err.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(err.message).toContain(`(GET ${s.baseUrl}/api/status/)`);
    expect(s.requests).toHaveLength(3);
  });

  it("names the URL of a refused connection and its cause", async () => {
    const s = await serve((_n, _req, res) => json(res, 200, page));
    const url = s.baseUrl;
    await close?.();
    close = undefined;
    const err = await failure(client(url, { maxRetries: 0 }).dcim.racks.retrieve(7));
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err.message).toMatch(/ECONNREFUSED/);
    expect(err.message).toContain(`(GET ${url}/api/dcim/racks/7/)`);
  });

  it("computes exponential backoff with jitter", () => {
    const s = { initialDelay: 500, maxDelay: 8000, maxRetryAfter: 60_000 };
    expect(backoffDelay(0, s, () => 0)).toBe(500);
    expect(backoffDelay(0, s, () => 1)).toBe(375);
    expect(backoffDelay(3, s, () => 0)).toBe(4000);
    expect(backoffDelay(10, s, () => 0)).toBe(8000);
    expect(retryAfterMs(new Headers({ "retry-after": "2" }))).toBe(2000);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterMs(new Headers({ "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" }), now)).toBe(5000);
    expect(retryAfterMs(new Headers({ "retry-after": "soon" }))).toBeUndefined();
  });
});

describe("timeouts and aborts", () => {
  it("times out a slow attempt and retries it", async () => {
    const s = await serve((n, _req, res) => {
      if (n === 0) setTimeout(() => json(res, 200, page), 1000);
      else json(res, 200, page);
    });
    const result = await client(s.baseUrl).dcim.servers.list({}, { attemptTimeout: 100 });
    expect(result.count).toBe(0);
    expect(s.requests).toHaveLength(2);
  });

  it("keeps one overall timeout across attempts and waits", async () => {
    // Retry-After: 300 with a 2 s budget: no 60 s sleep, the 503 comes back at once.
    const s = await serve((_n, _req, res) => json(res, 503, { detail: "busy" }, { "retry-after": "300" }));
    let started = Date.now();
    const err = await failure(client(s.baseUrl).dcim.servers.list({}, { timeout: 2000 }));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(err).toBeInstanceOf(InternalServerError);
    expect(err.status).toBe(503);
    expect(s.requests).toHaveLength(1);

    // Every attempt slow: attempts and backoff together stop at the overall timeout.
    const t = await serve((_n, _req, res) => setTimeout(() => json(res, 200, page), 5000));
    started = Date.now();
    const slow = await failure(
      client(t.baseUrl, { maxRetries: 10 }).dcim.servers.list({}, { timeout: 1000, attemptTimeout: 300 }),
    );
    const took = Date.now() - started;
    expect(slow).toBeInstanceOf(TimeoutError);
    expect(slow.message).toMatch(/timed out after 1000 ms/);
    expect(took).toBeGreaterThanOrEqual(950);
    expect(took).toBeLessThan(3000);
    expect(t.requests.length).toBeGreaterThanOrEqual(2);
    expect(t.requests.length).toBeLessThan(5);
  });

  it("reports TimeoutError when every attempt is too slow", async () => {
    const s = await serve((_n, _req, res) => setTimeout(() => json(res, 200, page), 1000));
    const err = await failure(client(s.baseUrl).dcim.servers.list({}, { timeout: 50, maxRetries: 0 }));
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(s.requests).toHaveLength(1);
  });

  it("stops at once when the caller aborts, without retrying", async () => {
    const s = await serve((_n, _req, res) => setTimeout(() => json(res, 200, page), 5000));
    const controller = new AbortController();
    const pending = failure(client(s.baseUrl).dcim.servers.list({}, { signal: controller.signal }));
    // Abort once the request has reached the server (polling: the machine may be busy).
    while (s.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    const started = Date.now();
    expect(await pending).toBeInstanceOf(AbortError);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(s.requests).toHaveLength(1);
  });
});

describe("error classes by status", () => {
  it("maps 401, 403, 429 and unknown statuses", async () => {
    const statuses = [401, 403, 429, 405];
    const s = await serve((n, _req, res) => json(res, statuses[n % 4]!, { detail: `status ${statuses[n % 4]}` }));
    const rp = client(s.baseUrl, { maxRetries: 0 });
    const errs = [];
    for (let i = 0; i < 4; i++) errs.push(await failure(rp.dcim.regions.create({ name: "x", slug: "x" })));
    expect(errs[0]).toBeInstanceOf(AuthenticationError);
    expect(errs[1]).toBeInstanceOf(PermissionDeniedError);
    expect(errs[2]).toBeInstanceOf(RateLimitError);
    expect(errs[3]).toBeInstanceOf(RackplaneError);
    expect(errs[3].status).toBe(405);
    const url = `${s.baseUrl}/api/dcim/regions/`;
    expect(errs.map((e) => e.message)).toEqual([
      `401 status 401 (POST ${url})`,
      `403 status 403 (POST ${url})`,
      `429 status 429 (POST ${url})`,
      `405 status 405 (POST ${url})`,
    ]);
    expect(errs[0].method).toBe("POST");
    expect(errs[0].url).toBe(url);
  });

  it("uses a custom fetch and default headers", async () => {
    const s = await serve((_n, _req, res) => json(res, 200, page));
    const calls: string[] = [];
    const rp = client(s.baseUrl, {
      defaultHeaders: { "x-client": "tests" },
      fetch: (url, init) => {
        calls.push(url);
        return fetch(url, init);
      },
    });
    await rp.dcim.servers.list({ tag: ["a", "b"], brief: true });
    expect(calls).toEqual([`${s.baseUrl}/api/dcim/servers/?tag=a&tag=b&brief=true`]);
    expect(s.requests[0]!.headers["x-client"]).toBe("tests");
    expect(s.requests[0]!.headers.authorization).toBeUndefined();
  });
});
