import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../src/seed";
import { startServer, type TestServer } from "./harness";

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => s?.close());

describe("rackplane seed", () => {
  it("fills an empty database with a consistent sample inventory, once", async () => {
    expect(await seed(s.database, () => {})).toBe(true);
    const servers = await s.get("/api/dcim/servers/?rack__name=A01&ordering=position");
    expect(servers.body.count).toBe(6);
    expect(servers.body.results[0].rack.display).toBe("A01");
    expect((await s.get("/api/dcim/servers/?tag=staging")).body.count).toBe(4);
    expect(await seed(s.database, () => {})).toBe(false);
    expect((await s.get("/api/dcim/servers/")).body.count).toBe(12);
  });
});
