import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { make, startServer, type TestServer } from "./harness";

/**
 * Compression is negotiated: raw HTTP (node:http, which neither asks for nor undoes an
 * encoding by itself) so the test sees exactly what went over the wire.
 */
function raw(s: TestServer, path: string, acceptEncoding?: string) {
  const url = new URL(path, s.baseUrl);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const headers: Record<string, string> = { Authorization: `Token ${s.token}`, Accept: "application/json" };
      if (acceptEncoding !== undefined) headers["Accept-Encoding"] = acceptEncoding;
      const req = request(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end();
    },
  );
}

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
    const expected = JSON.parse(plain.body.toString("utf8"));
    expect(expected.count).toBe(30);

    const gzip = await raw(s, path, "gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.headers.vary).toMatch(/Accept-Encoding/i);
    expect(JSON.parse(gunzipSync(gzip.body).toString("utf8"))).toEqual(expected);

    const br = await raw(s, path, "gzip, deflate, br");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(JSON.parse(brotliDecompressSync(br.body).toString("utf8"))).toEqual(expected);
    expect(br.body.length).toBeLessThan(plain.body.length / 4);

    const identity = await raw(s, path, "identity");
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
      const gz = await raw(s, path, "gzip");
      expect(gz.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
      expect(gz.body.length).toBeLessThan(plain.body.length / 10);
    }
    // A 400 large enough to be worth compressing: many unknown filters, each named.
    const unknown = Array.from({ length: 80 }, (_, i) => `no_such_filter_parameter_${i}=1`).join("&");
    const bad = await raw(s, `/api/dcim/servers/?${unknown}`, "gzip");
    expect(bad.status).toBe(400);
    expect(bad.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(bad.body).toString("utf8")).toContain("no_such_filter_parameter_79");
  });

  it("leaves small bodies alone (below 1 KiB compression costs more than it saves)", async () => {
    const live = await raw(s, "/api/status/live/", "gzip, br");
    expect(live.status).toBe(200);
    expect(live.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(live.body.toString("utf8")).status).toBe("ok");
  });
});
