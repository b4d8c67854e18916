import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { make, startServer, type TestServer } from "./harness";
import { raw } from "./raw-http";

// Compression is negotiated: raw HTTP (raw-http.ts) shows exactly what went over the wire.

describe("response compression", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
    for (let i = 0; i < 30; i++) await make(s, "/api/dcim/servers/", { name: `zip-${String(i).padStart(2, "0")}` });
  }, 120_000);
  afterAll(() => s?.close());

  it("compresses a JSON list with br or gzip as the client asks, and not at all when it asks for none", async () => {
    const path = "/api/dcim/servers/?limit=30";
    const plain = await raw(s, path);
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    // Not compressed for a client that sent no Accept-Encoding, but a cache still learns that it could be.
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    expect(plain.headers.vary).toMatch(/\bAccept\b(?!-)/);
    const expected = JSON.parse(plain.body.toString("utf8"));
    expect(expected.count).toBe(30);

    const gzip = await raw(s, path, { acceptEncoding: "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.headers.vary).toMatch(/Accept-Encoding/i);
    expect(JSON.parse(gunzipSync(gzip.body).toString("utf8"))).toEqual(expected);

    const br = await raw(s, path, { acceptEncoding: "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(JSON.parse(brotliDecompressSync(br.body).toString("utf8"))).toEqual(expected);
    expect(br.body.length).toBeLessThan(plain.body.length / 4);

    const identity = await raw(s, path, { acceptEncoding: "identity" });
    expect(identity.headers["content-encoding"]).toBeUndefined();
    // The API's own headers survive compression.
    for (const r of [gzip, br]) {
      expect(r.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.headers["api-version"]).toBe("1");
    }
  });

  it("serves the OpenAPI document compressed, YAML and JSON, and errors too", async () => {
    for (const path of ["/api/schema/", "/api/schema/?format=json"]) {
      const plain = await raw(s, path);
      const gz = await raw(s, path, { acceptEncoding: "gzip" });
      expect(gz.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
      expect(gz.body.length).toBeLessThan(plain.body.length / 10);
    }
    // A 400 large enough to be worth compressing: many unknown filters, each named.
    const unknown = Array.from({ length: 80 }, (_, i) => `no_such_filter_parameter_${i}=1`).join("&");
    const bad = await raw(s, `/api/dcim/servers/?${unknown}`, { acceptEncoding: "gzip" });
    expect(bad.status).toBe(400);
    expect(bad.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(bad.body).toString("utf8")).toContain("no_such_filter_parameter_79");
  });

  it("leaves small bodies alone (below 1 KiB compression costs more than it saves)", async () => {
    const live = await raw(s, "/api/status/live/", { acceptEncoding: "gzip, br" });
    expect(live.status).toBe(200);
    expect(live.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(live.body.toString("utf8")).status).toBe("ok");
  });
});
