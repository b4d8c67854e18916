import { resourceList } from "@rackplane/contract";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dcimFixtures } from "./fixtures";
import { startServer, type TestServer } from "./harness";

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
  await dcimFixtures(s);
});
afterAll(async () => s?.close());

const dcim = resourceList
  .filter((r) => r.app === "dcim" || r.app === "core")
  .filter((r) => r.key !== "core.object-changes");
const knownParams = [...new Set(dcim.flatMap((r) => r.filterParams.map((p) => p.name)))];
const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "",
    "'",
    "' OR 1=1 --",
    "%",
    "_",
    "\\",
    "null",
    "true",
    "-1",
    "1e309",
    "2026-13-45",
    "9".repeat(40),
    "a,b,,",
    "\u0000",
  ),
  fc.integer().map(String),
);

describe("filter parser (property-based)", () => {
  it("random query strings never produce a 5xx, only 200 or a 400 naming a parameter", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...dcim),
        fc.array(
          fc.tuple(
            fc.oneof(
              fc.constantFrom(...knownParams, "ordering", "limit", "offset", "page", "search", "tag", "brief"),
              fc.string(),
            ),
            nasty,
          ),
          {
            maxLength: 4,
          },
        ),
        async (r, pairs) => {
          const qs = new URLSearchParams(pairs).toString();
          const res = await s.get(`${r.path}?${qs}`);
          expect(res.status, `${r.path}?${qs} → ${JSON.stringify(res.body)}`).toBeLessThan(500);
          if (res.status === 400) {
            const keys = Object.keys(res.body);
            expect(keys.length).toBeGreaterThan(0);
            for (const k of keys) expect(pairs.map(([n]) => n).concat(["non_field_errors"])).toContain(k);
          } else {
            expect(res.status, `${r.path}?${qs}`).toBe(200);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
