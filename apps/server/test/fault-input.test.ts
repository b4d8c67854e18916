import { request as httpRequest } from "node:http";
import { resourceList } from "@rackplane/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dcimFixtures } from "./fixtures";
import { startServer, type TestServer } from "./harness";

/**
 * Hostile input: every answer is a clear 4xx (or a correct 2xx), never a 5xx, and nothing
 * is written. The body limit is lowered so "oversized" is cheap to send.
 */

let s: TestServer;
beforeAll(async () => {
  s = await startServer({ RACKPLANE_MAX_BODY: "64kb" });
  await dcimFixtures(s);
});
afterAll(async () => s?.close());

const count = async (path: string) => (await s.get(`${path}?limit=1`)).body.count as number;

/** Raw bytes as the body: fetch would re-encode strings, and invalid UTF-8 must reach the server as is. */
function rawPost(path: string, body: Buffer): Promise<{ status: number; body: any }> {
  const url = new URL(path, s.baseUrl);
  return new Promise((ok, fail) => {
    const req = httpRequest(
      url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": body.length,
          authorization: `Token ${s.token}`,
          accept: "application/json",
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (text += d));
        res.on("end", () => ok({ status: res.statusCode!, body: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on("error", fail);
    req.end(body);
  });
}

describe("hostile bodies", () => {
  it("an oversized body is a 413 and writes nothing", async () => {
    const before = await count("/api/dcim/regions/");
    const big = Array.from({ length: 2000 }, (_, i) => ({
      name: `big-${i}`,
      slug: `big-${i}`,
      description: "x".repeat(40),
    }));
    const r = await s.post("/api/dcim/regions/", big);
    expect(r.status).toBe(413);
    expect(r.body.detail).toMatch(/too large/i);
    expect(await count("/api/dcim/regions/")).toBe(before);
  });

  it("deeply nested JSON is a 400, as the body and inside a JSON field", async () => {
    const depth = 20_000; // ~40 KB: under the body limit
    const deep = `${"[".repeat(depth)}${"]".repeat(depth)}`;
    const top = await s.post("/api/dcim/regions/", deep);
    expect(top.status).toBe(400);
    expect(top.body).toBeTypeOf("object");

    // A JSON field takes any JSON, but not unbounded nesting (it is stored and re-read as jsonb).
    const nested = `{"name":"deep-1","rack":null,"local_context_data":${'{"a":'.repeat(depth / 2)}1${"}".repeat(depth / 2)}}`;
    const before = await count("/api/dcim/servers/");
    const r = await s.post("/api/dcim/servers/", nested);
    expect(r.status, JSON.stringify(r.body)).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(await count("/api/dcim/servers/")).toBe(before);
  });

  it("invalid UTF-8 in a body is a 400 naming the problem, not replacement characters stored", async () => {
    const before = await count("/api/dcim/regions/");
    const bytes = Buffer.concat([
      Buffer.from('{"name":"bad-'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('","slug":"bad-utf8"}'),
    ]);
    const r = await rawPost("/api/dcim/regions/", bytes);
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toMatch(/UTF-8/);
    expect(await count("/api/dcim/regions/")).toBe(before);
  });

  it("a NUL character in a string is a 400 naming the field, not a database error", async () => {
    const r = await s.post("/api/dcim/regions/", { name: "nul\u0000name", slug: "nul-name" });
    expect(r.status).toBe(400);
    expect(r.body).toHaveProperty("name");
  });
});

describe("hostile query strings", () => {
  it("invalid percent-encoding (not UTF-8) in a query or path is a 4xx", async () => {
    for (const path of ["/api/dcim/regions/?name=%FF%FE", "/api/dcim/regions/?%FF=1", "/api/dcim/regions/%FF/"]) {
      const r = await s.get(path);
      expect(r.status, `${path} → ${JSON.stringify(r.body)}`).toBeGreaterThanOrEqual(200);
      expect(r.status, `${path} → ${JSON.stringify(r.body)}`).toBeLessThan(500);
    }
  });

  it("huge or negative limit/offset/page are a 400 naming the parameter, or clamped", async () => {
    const cases: [string, string][] = [
      ["limit", "99999999999999999999999"],
      ["limit", "1e309"],
      ["limit", "-1"],
      ["offset", "9223372036854775808"],
      ["offset", "99999999999999999999999"],
      ["offset", "-5"],
      ["page", "99999999999999999999"],
      ["page", "0"],
      ["page_size", "1e20"],
    ];
    for (const [name, value] of cases) {
      const r = await s.get(`/api/dcim/servers/?${name}=${value}`);
      expect(r.status, `${name}=${value} → ${JSON.stringify(r.body)}`).toBeLessThan(500);
      if (r.status === 400) expect(r.body, `${name}=${value}`).toHaveProperty(name);
      else {
        expect(r.status).toBe(200);
        expect(r.body.results.length).toBeLessThanOrEqual(1000);
      }
    }
    // A large but valid offset is simply past the end, up to the deepest offset answered;
    // beyond that a 400 on offset (RACKPLANE_MAX_OFFSET, 100,000 by default: use a cursor).
    const past = await s.get("/api/dcim/servers/?offset=100000");
    expect(past.status).toBe(200);
    expect(past.body.results).toEqual([]);
    const deeper = await s.get("/api/dcim/servers/?offset=2000000000");
    expect(deeper.status).toBe(400);
    expect(deeper.body.offset[0]).toMatch(/cursor/);
  });
});

// Two shapes (quote breaking out of a literal; statement stacking), every filter of every
// resource: a few thousand requests, so kept to two to bound the run time.
const injections = ["%' OR '1'='1' --", '1"); DROP TABLE servers; --'];
// Every resource that has rows here, every filter parameter it declares.
const targets = resourceList.filter((r) => r.filterParams.length > 0 && !r.key.startsWith("users."));

describe("SQL and filter injection in every filter", () => {
  it.each(targets.map((r) => [r.key, r] as const))(
    "%s: 200 with no extra rows, or a 400 naming the parameter",
    async (_k, r) => {
      const total = await count(r.path);
      for (const p of r.filterParams) {
        for (const value of injections) {
          const qs = new URLSearchParams([[p.name, value]]).toString();
          const res = await s.get(`${r.path}?${qs}`);
          expect(res.status, `${r.path}?${qs} → ${JSON.stringify(res.body)}`).toBeLessThan(500);
          if (res.status === 400) {
            expect(Object.keys(res.body), `${r.path}?${qs}`).toContain(p.name);
          } else {
            expect(res.status).toBe(200);
            // An injected tautology would return every row; a value never matches all of them.
            // (Negations `__n`/`__nie` rightly match every row.)
            if (total > 1 && !/__(n|nie)$/.test(p.name)) expect(res.body.count, `${r.path}?${qs}`).toBeLessThan(total);
          }
        }
      }
      expect(await count(r.path)).toBe(total);
    },
  );

  it("unknown filters, and injection in ordering and search, are 4xx or harmless", async () => {
    const total = await count("/api/dcim/servers/");
    const cases = [
      "ordering=name;DROP TABLE servers",
      "ordering=-(select 1)",
      "ordering=__proto__",
      "search=' OR 1=1 --",
      "name__regex=.*",
      "constructor=1",
      "__proto__[x]=1",
    ];
    for (const qs of cases) {
      const res = await s.get(`/api/dcim/servers/?${qs}`);
      expect(res.status, `${qs} → ${JSON.stringify(res.body)}`).toBeLessThan(500);
      if (res.status === 200 && qs.startsWith("search")) expect(res.body.count).toBe(0);
    }
    expect(await count("/api/dcim/servers/")).toBe(total);
  });
});
