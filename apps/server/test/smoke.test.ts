import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backend, startServer, type TestServer } from "./harness";

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => s?.close());

describe("system", () => {
  it("reports version, backend and migration level", async () => {
    const r = await s.get("/api/status/");
    expect(r.status).toBe(200);
    expect(r.body.database.backend).toBe(backend);
    expect(r.body.database.migrations_applied).toBeGreaterThan(0);
    expect(r.body.database.migration).toMatch(/^\d{4}_/);
  });
});
