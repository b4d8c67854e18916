import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Rackplane } from "../src";
import { startServer, type TestServer } from "./server";

/** The per-app roots (`GET /api/<app>/`) through the SDK: typed by the contract's app names. */
describe("rp.system.appIndex", () => {
  let s: TestServer;
  let rp: Rackplane;
  beforeAll(async () => {
    s = await startServer();
    rp = new Rackplane({ baseUrl: s.baseUrl, token: s.token });
  });
  afterAll(async () => s?.close());

  it("lists one app's resources", async () => {
    const dcim = await rp.system.appIndex("dcim");
    expect(dcim.app).toBe("dcim");
    expect(dcim.endpoints.map((e) => e.resource)).toContain("servers");
    expect(dcim.endpoints.every((e) => e.app === "dcim")).toBe(true);
    // @ts-expect-error not an app of the contract
    await expect(rp.system.appIndex("nope")).rejects.toMatchObject({ status: 404 });
  });
});
