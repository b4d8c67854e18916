import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bmc, DEFAULT_BMC_USER, startBmcs, stopBmcs } from "./bmc";

// The BMC peer itself: several real sushy-emulator processes, Basic auth enforced.
describe("sushy-emulator BMCs on loopback", () => {
  let bmcs: Bmc[] = [];
  beforeAll(async () => {
    bmcs = await startBmcs(2);
  });
  afterAll(() => stopBmcs(bmcs));

  const basic = (u: string, p: string) => ({ authorization: `Basic ${Buffer.from(`${u}:${p}`).toString("base64")}` });

  it("serves a Redfish service root per BMC on distinct loopback ports", async () => {
    expect(new Set(bmcs.map((b) => b.port)).size).toBe(2);
    for (const b of bmcs) {
      const root = (await (await fetch(`${b.url}/redfish/v1/`)).json()) as any;
      expect(root.Systems["@odata.id"]).toBe("/redfish/v1/Systems");
    }
  });

  it("refuses wrong credentials and accepts the right ones", async () => {
    const b = bmcs[0]!;
    expect((await fetch(`${b.url}/redfish/v1/Systems`)).status).toBe(401);
    expect((await fetch(`${b.url}/redfish/v1/Systems`, { headers: basic("admin", "nope") })).status).toBe(401);
    const ok = await fetch(`${b.url}/redfish/v1/Systems`, {
      headers: basic(DEFAULT_BMC_USER.username, DEFAULT_BMC_USER.password),
    });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as any;
    expect(body.Members.map((m: { "@odata.id": string }) => m["@odata.id"])).toEqual([
      `/redfish/v1/Systems/${b.systemId}`,
    ]);
  });
});
