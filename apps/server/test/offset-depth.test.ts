import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configFromEnv } from "../src/config";
import { type Response, startServer, type TestServer } from "./harness";

/**
 * OFFSET beyond a configurable depth is a 400 that points at cursor pagination
 * (issue 16 §3): an OFFSET reads every row it skips, a cursor does not.
 */
let s: TestServer;
beforeAll(async () => {
  s = await startServer({ RACKPLANE_MAX_OFFSET: "100" });
  const r = await s.post(
    "/api/core/tags/",
    Array.from({ length: 120 }, (_, i) => ({ name: `Depth ${i}`, slug: `depth-${i}` })),
  );
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
}, 240_000);
afterAll(async () => s?.close());

describe("deep OFFSET", () => {
  it("answers up to the configured depth, and beyond it a 400 on offset that names cursor", async () => {
    const at = await s.get("/api/core/tags/?limit=10&offset=100");
    expect(at.status).toBe(200);
    expect(at.body.results).toHaveLength(10);
    const deeper = await s.get("/api/core/tags/?limit=10&offset=101");
    expect(deeper.status).toBe(400);
    expect(Object.keys(deeper.body)).toEqual(["offset"]);
    expect(deeper.body.offset[0]).toMatch(/Deeper than 100 rows: use cursor pagination/);
    // The way the 400 points: a cursor walk reaches every row.
    let next: string | null = "/api/core/tags/?cursor=&limit=50";
    let seen = 0;
    while (next) {
      const r: Response = await s.get(next);
      seen += r.body.results.length;
      next = r.body.next ? r.body.next.slice(r.body.next.indexOf("/api/")) : null;
    }
    expect(seen).toBe(120);
  });

  it("counts page × page_size the same, naming page", async () => {
    expect((await s.get("/api/core/tags/?page=3&page_size=50")).status).toBe(200); // offset 100
    const r = await s.get("/api/core/tags/?page=4&page_size=50"); // offset 150
    expect(r.status).toBe(400);
    expect(Object.keys(r.body)).toEqual(["page"]);
  });

  it("defaults to 100,000 rows; 0 turns the limit off", () => {
    expect(configFromEnv({}).maxOffset).toBe(100_000);
    expect(configFromEnv({ RACKPLANE_MAX_OFFSET: "0" }).maxOffset).toBe(0);
  });
});
