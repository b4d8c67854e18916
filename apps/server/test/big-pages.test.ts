import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STREAM_FROM } from "../src/http/json-response";
import { startServer, type TestServer } from "./harness";
import { raw } from "./raw-http";

const N = 450;
let s: TestServer;

beforeAll(async () => {
  s = await startServer();
  const tag = await s.post("/api/core/tags/", { name: "Big", slug: "big" });
  // Text that JSON escapes (quotes, backslashes, control characters, non-ASCII), nested JSON, tags.
  const items = Array.from({ length: N }, (_, i) => ({
    name: `big-${String(i).padStart(4, "0")}`,
    comments: i % 7 === 0 ? `line "one"\n\ttab \\ back — ünïcødé ${i}` : "",
    local_context_data: i % 3 === 0 ? { i, nested: { list: [1, "two", null, true] }, text: "a\u0001b" } : null,
    tags: i % 2 ? [tag.body.id] : [],
  }));
  const r = await s.post("/api/dcim/servers/", items);
  if (r.status !== 201) throw new Error(JSON.stringify(r.body).slice(0, 500));
}, 240_000);
afterAll(async () => s?.close());

describe("big pages: exactly the bytes JSON.stringify writes, streamed when the server serializes them", () => {
  it("a page presented in the server (the change log) of more than STREAM_FROM items goes out in chunks", async () => {
    expect(N).toBeGreaterThan(STREAM_FROM);
    const log = await raw(s, `/api/core/object-changes/?limit=${N}`);
    expect(log.status).toBe(200);
    expect(log.headers["content-length"]).toBeUndefined();
    expect(log.headers["transfer-encoding"]).toBe("chunked");
    const text = log.body.toString("utf8");
    const page = JSON.parse(text);
    expect(JSON.stringify(page)).toBe(text);
    expect(page.results).toHaveLength(N);
  });

  it("a page PostgreSQL wrote (render.ts) goes out as one body with its length, the same bytes as small pages", async () => {
    const big = await raw(s, `/api/dcim/servers/?limit=${N}`);
    expect(big.status).toBe(200);
    expect(big.headers["content-length"]).toBe(String(big.body.length));
    expect(big.headers["content-type"]).toBe("application/json; charset=utf-8");
    const text = big.body.toString("utf8");
    const page = JSON.parse(text);
    expect(JSON.stringify(page)).toBe(text);
    expect(page.count).toBe(N);
    expect(page.results).toHaveLength(N);
    expect(Object.keys(page)).toEqual(["count", "next", "previous", "results"]);

    // The same rows in small pages.
    const small: unknown[] = [];
    for (let offset = 0; offset < N; offset += 150) {
      const p = await raw(s, `/api/dcim/servers/?limit=150&offset=${offset}`);
      expect(p.headers["content-length"]).toBe(String(p.body.length));
      small.push(...JSON.parse(p.body.toString("utf8")).results);
    }
    expect(JSON.stringify(small)).toBe(JSON.stringify(page.results));
    // The escapes survived as JSON.stringify writes them.
    expect(text).toContain(String.raw`line \"one\"\n\ttab \\ back — ünïcødé 0`);
    expect(text).toContain(String.raw`"text":"a\u0001b"`);
  });

  it("is the same bytes compressed, and a HEAD has no body", async () => {
    const plain = await raw(s, `/api/dcim/servers/?limit=${N}`);
    const gz = await raw(s, `/api/dcim/servers/?limit=${N}`, { acceptEncoding: "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    const head = await raw(s, `/api/dcim/servers/?limit=${N}`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it("big cursor pages: their next link walks every row once", async () => {
    const seen = new Set<number>();
    let next: string | null = `/api/dcim/servers/?cursor=&limit=${STREAM_FROM + 50}`;
    let pages = 0;
    while (next) {
      const r = await raw(s, next);
      const text = r.body.toString("utf8");
      const body = JSON.parse(text);
      expect(JSON.stringify(body)).toBe(text);
      for (const o of body.results) seen.add(o.id);
      next = body.next ? body.next.slice(body.next.indexOf("/api/")) : null;
      pages++;
    }
    expect(pages).toBe(2);
    expect(seen.size).toBe(N);
  });

  it("sends a detail once serialized: its ETag is the hash of exactly the bytes sent", async () => {
    const first = JSON.parse((await raw(s, "/api/dcim/servers/?limit=1")).body.toString("utf8")).results[0];
    const d = await raw(s, `/api/dcim/servers/${first.id}/`);
    expect(d.headers["content-length"]).toBe(String(d.body.length));
    const { createHash } = await import("node:crypto");
    expect(d.headers.etag).toBe(`"${createHash("sha1").update(d.body).digest("base64url")}"`);
    expect(JSON.stringify(JSON.parse(d.body.toString("utf8")))).toBe(d.body.toString("utf8"));
  });
});
