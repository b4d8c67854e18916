import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./harness";

describe("jobs resource", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(() => s.close());

  it("is read-only: list and retrieve, no create", async () => {
    const list = await s.get("/api/core/jobs/");
    expect(list.status).toBe(200);
    expect(list.body.count).toBe(0);
    expect((await s.post("/api/core/jobs/", { kind: "x" })).status).toBe(405);
    expect((await s.get("/api/core/jobs/999/")).status).toBe(404);
    expect((await s.post("/api/core/jobs/999/cancel/")).status).toBe(404);
  });
});
