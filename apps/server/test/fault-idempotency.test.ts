import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServerProcess, scratchPostgres, spawnServer } from "./server-process";

/**
 * Idempotency keys live in the database: a retry that lands on another replica is
 * replayed there, a different request with the key is refused there, and two replicas
 * receiving one key at the same moment run it once. PostgreSQL only (vitest.config.ts).
 */
let pg: Awaited<ReturnType<typeof scratchPostgres>>;
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  pg = await scratchPostgres();
  a = await spawnServer({ databaseUrl: pg.url });
  b = await spawnServer({ databaseUrl: pg.url }, { RACKPLANE_ADMIN_TOKEN: a.token });
}, 120_000);
afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await pg?.drop();
});

async function post(s: ServerProcess, key: string, body: unknown) {
  const res = await fetch(`${s.baseUrl}/api/core/tags/`, {
    method: "POST",
    headers: {
      authorization: `Token ${s.token}`,
      "content-type": "application/json",
      "idempotency-key": key,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, replayed: res.headers.get("idempotent-replayed"), body: (await res.json()) as any };
}

describe("idempotency keys across two server processes", () => {
  it("replays on the other replica, refuses a different body there, runs concurrent ones once", async () => {
    const key = randomUUID();
    const first = await post(a, key, { name: "replica", slug: "replica" });
    expect(first.status).toBe(201);
    const retried = await post(b, key, { name: "replica", slug: "replica" });
    expect(retried).toEqual({ status: 201, replayed: "true", body: first.body });
    expect((await post(b, key, { name: "other", slug: "other" })).status).toBe(422);

    const both = randomUUID();
    const results = await Promise.all([a, b, a, b].map((s) => post(s, both, { name: "both", slug: "both" })));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.filter((r) => r.replayed === "true")).toHaveLength(3);
    const rows = await pg.sql`SELECT slug FROM tags WHERE slug IN ('replica', 'other', 'both') ORDER BY slug`;
    expect(rows.map((r) => r.slug)).toEqual(["both", "replica"]);
  });
});
