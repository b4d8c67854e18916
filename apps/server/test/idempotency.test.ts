import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./harness";

/**
 * `Idempotency-Key` on writes (Stripe semantics), on the in-process server over HTTP:
 * replay of the stored response, 422 for a different request, one execution under
 * concurrency. Across two server processes: fault-idempotency.test.ts.
 */
let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => s?.close());

const withKey = (key: string) => ({ "idempotency-key": key });
const tagCount = async (prefix: string) =>
  (await s.get(`/api/core/tags/?slug__startswith=${prefix}&limit=1`)).body.count as number;

describe("Idempotency-Key", () => {
  it("replays the stored response for the same key and request, running it once", async () => {
    const key = randomUUID();
    const first = await s.request("POST", "/api/core/tags/", { name: "idem a", slug: "idem-a" }, withKey(key));
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    // Same body with its keys in another order: the same request.
    const again = await s.request("POST", "/api/core/tags/", { slug: "idem-a", name: "idem a" }, withKey(key));
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
    expect(await tagCount("idem-a")).toBe(1);
    // Without the key the same create runs again (and conflicts).
    expect((await s.post("/api/core/tags/", { name: "idem a", slug: "idem-a" })).status).toBe(409);
  });

  it("refuses the same key with a different body or path (422), and an invalid key (400)", async () => {
    const key = randomUUID();
    expect((await s.request("POST", "/api/core/tags/", { name: "idem b", slug: "idem-b" }, withKey(key))).status).toBe(
      201,
    );
    const other = await s.request("POST", "/api/core/tags/", { name: "idem c", slug: "idem-c" }, withKey(key));
    expect(other.status).toBe(422);
    expect(other.body.detail).toMatch(/Idempotency-Key/);
    const elsewhere = await s.request("POST", "/api/dcim/regions/", { name: "idem b", slug: "idem-b" }, withKey(key));
    expect(elsewhere.status).toBe(422);
    expect(await tagCount("idem-c")).toBe(0);
    expect((await s.get("/api/dcim/regions/?slug=idem-b")).body.count).toBe(0);

    const bad = await s.request("POST", "/api/core/tags/", { name: "x", slug: "x" }, withKey("k".repeat(256)));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body)).toEqual(["Idempotency-Key"]);
  });

  it("stores client errors too, and replays deletes", async () => {
    const key = randomUUID();
    const invalid = await s.request("POST", "/api/core/tags/", { slug: "no name" }, withKey(key));
    expect(invalid.status).toBe(400);
    const again = await s.request("POST", "/api/core/tags/", { slug: "no name" }, withKey(key));
    expect(again.status).toBe(400);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(invalid.body);

    const tag = (await s.post("/api/core/tags/", { name: "idem d", slug: "idem-d" })).body;
    const del = randomUUID();
    expect((await s.request("DELETE", `/api/core/tags/${tag.id}/`, undefined, withKey(del))).status).toBe(204);
    const repeat = await s.request("DELETE", `/api/core/tags/${tag.id}/`, undefined, withKey(del));
    expect(repeat.status).toBe(204);
    expect(repeat.headers.get("idempotent-replayed")).toBe("true");
    expect((await s.del(`/api/core/tags/${tag.id}/`)).status).toBe(404);
  });

  it("runs concurrent requests with one key once; the others wait and get its response", async () => {
    const key = randomUUID();
    const body = { name: "idem bulk", slug: "idem-bulk" };
    const all = await Promise.all(
      Array.from({ length: 6 }, () => s.request("POST", "/api/core/tags/", body, withKey(key))),
    );
    expect(all.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(new Set(all.map((r) => r.body.id)).size).toBe(1);
    expect(all.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(5);
    expect(await tagCount("idem-bulk")).toBe(1);
  });

  it("ignores the key on reads", async () => {
    const r = await s.get("/api/core/tags/?limit=1", withKey(randomUUID()));
    expect(r.status).toBe(200);
    expect(r.headers.get("idempotent-replayed")).toBeNull();
  });
});
