import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import helmet from "helmet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./harness";

/**
 * Operations over HTTP: status probes, helmet headers, CORS, the body size limit.
 */

let s: TestServer;
beforeAll(async () => {
  s = await startServer({ RACKPLANE_CORS_ORIGINS: "https://ui.example.com, https://other.example.com" });
});
afterAll(() => s?.close());

describe("status probes", () => {
  it("readiness checks the database and needs no credentials; liveness answers without it", async () => {
    const ready = await s.as(null).get("/api/status/");
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: "ok", database: { migrations_applied: expect.any(Number) } });
    const live = await s.as(null).get("/api/status/live/");
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ status: "ok", uptime_seconds: expect.any(Number) });
  });

  it("readiness is a 503 with Retry-After while the server drains", async () => {
    const other = await startServer();
    try {
      other.locals.draining = true; // what graceful shutdown sets (src/shutdown.ts)
      const r = await other.as(null).get("/api/status/");
      expect(r.status).toBe(503);
      expect(r.headers.get("retry-after")).toBe("5");
      expect(r.body).toMatchObject({ status: "unavailable", detail: "The server is shutting down." });
      expect(r.headers.get("connection")).toBe("close");
    } finally {
      await other.close();
    }
  });
});

describe("security headers and CORS", () => {
  it("helmet headers on API responses", async () => {
    const r = await s.get("/api/dcim/racks/");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(r.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(r.headers.get("x-powered-by")).toBeNull();
  });

  it("exactly the headers helmet itself sets with the server's policy, on every kind of response", async () => {
    // helmet on a bare node:http server, with the policy the server documents (no upgrade-insecure-requests).
    const policy = helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
    const bare = createServer((req, res) => policy(req, res, () => res.end()));
    await new Promise<void>((ok) => bare.listen(0, "127.0.0.1", ok));
    try {
      const reference = await fetch(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/`);
      const expected = [...reference.headers].filter(
        ([k]) => !["date", "connection", "keep-alive", "content-length", "transfer-encoding"].includes(k),
      );
      expect(expected.length).toBeGreaterThan(10);
      expect(expected.find(([k]) => k === "content-security-policy")?.[1]).not.toContain("upgrade-insecure-requests");
      for (const r of [
        await s.get("/api/dcim/racks/"),
        await s.get("/api/dcim/racks/999999/"), // a 404
        await s.as(null).get("/api/status/live/"),
      ]) {
        for (const [name, value] of expected)
          expect([r.status, name, r.headers.get(name)]).toEqual([r.status, name, value]);
      }
    } finally {
      await new Promise((ok) => bare.close(ok));
    }
  });

  // Preflights are the CORS protocol, not API operations (no OpenAPI check): plain fetch.
  const preflight = (origin: string, method: string, headers = "") =>
    fetch(`${s.baseUrl}/api/dcim/racks/`, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": method,
        ...(headers ? { "access-control-request-headers": headers } : {}),
      },
    });

  it("a preflight from an allowed origin is answered without credentials; others get no CORS headers", async () => {
    const pre = await preflight("https://ui.example.com", "POST", "authorization, content-type");
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("https://ui.example.com");
    expect(pre.headers.get("access-control-allow-methods")).toContain("POST");
    expect(pre.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    const foreign = await preflight("https://evil.example.net", "DELETE");
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    // The real request: allowed origin gets the header and can read X-Request-ID.
    const get = await s.get("/api/dcim/racks/", { origin: "https://other.example.com" });
    expect(get.status).toBe(200);
    expect(get.headers.get("access-control-allow-origin")).toBe("https://other.example.com");
    expect(get.headers.get("access-control-expose-headers")).toContain("X-Request-ID");
    // A plain OPTIONS (no preflight) is still the API's metadata request, authenticated.
    const meta = await s.request("OPTIONS", "/api/dcim/racks/", undefined, { origin: "https://ui.example.com" });
    expect(meta.status).toBe(200);
    expect(meta.body.name).toBeDefined();
    expect((await s.as(null).request("OPTIONS", "/api/dcim/racks/")).status).toBe(401);
  });

  it("CORS is off by default: no CORS headers, a preflight needs credentials like any OPTIONS", async () => {
    const plain = await startServer();
    try {
      const pre = await plain.as(null).request("OPTIONS", "/api/dcim/racks/", undefined, {
        origin: "https://ui.example.com",
        "access-control-request-method": "GET",
      });
      expect(pre.status).toBe(401);
      expect(pre.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await plain.close();
    }
  });
});

describe("request body size limit", () => {
  it("a body over RACKPLANE_MAX_BODY is a 413 naming the limit, and writes nothing", async () => {
    const small = await startServer({ RACKPLANE_MAX_BODY: "2kb" });
    try {
      const tags = Array.from({ length: 100 }, (_, i) => ({ name: `big-${i}`, slug: `big-${i}` }));
      const r = await small.post("/api/core/tags/", tags);
      expect(r.status).toBe(413);
      expect(r.body.detail).toMatch(/^Request body too large: \d+ bytes, the limit is 2048 bytes\./);
      expect((await small.get("/api/core/tags/?name__startswith=big-")).body.count).toBe(0);
      expect((await small.post("/api/core/tags/", tags.slice(0, 3))).status).toBe(201);
    } finally {
      await small.close();
    }
  });
});
