import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitJob } from "./baremetal-support";
import { type Bmc, DEFAULT_BMC_USER, startBmc } from "./bmc";
import { make, startServer, type TestServer } from "./harness";

/**
 * Work done on someone's behalf outside the request follows their access too: a
 * registration started by one group's user never writes into another group's server,
 * even when that server carries the BMC URL of the node being registered.
 */
describe("access: jobs act only on what their user may see", () => {
  let s: TestServer;
  let bmc: Bmc;
  beforeAll(async () => {
    [s, bmc] = await Promise.all([startServer(), startBmc()]);
  }, 60_000);
  afterAll(async () => {
    await s?.close();
    await bmc?.stop();
  });

  it("registers a node as a new server instead of adopting another group's server with the same BMC", async () => {
    const red = await make(s, "/api/users/groups/", { name: "red" });
    const blue = await make(s, "/api/users/groups/", { name: "blue" });
    const ann = await make(s, "/api/users/users/", { username: "ann", password: "ann-password-1", groups: [red.id] });
    const asAnn = s.as(`Token ${(await make(s, "/api/users/tokens/", { user: ann.id })).key}`);
    const bluePool = await make(s, "/api/pools/pools/", { name: "blue-pool", group: blue.id });
    const hidden = await make(s, "/api/dcim/servers/", {
      name: "blue-srv",
      serial_number: "BLUE-SERIAL",
      bmc_url: bmc.url,
      resource_pool: bluePool.id,
    });
    const profile = await make(s, "/api/discovery/auth-profiles/", { name: "lab", bmc: "redfish" });
    await make(s, "/api/discovery/credentials/", { auth_profile: profile.id, ...DEFAULT_BMC_USER, priority: 1 });
    const port = Number(new URL(bmc.url).port);
    const [node] = rowsOf<{ id: number }>(
      await s.database.db.execute(
        sql`INSERT INTO nodes (address, port, bmc_url) VALUES ('127.0.0.1', ${port}, ${bmc.url}) RETURNING id`,
      ),
    );

    const started = await asAnn.post(`/api/discovery/nodes/${node!.id}/register/`, { auth_profile: profile.id });
    expect(started.status).toBe(202);
    const job = await waitJob(s, started.body.id);
    expect(job.status.value).toBe("completed");
    const registered = (await asAnn.get(`/api/discovery/nodes/${node!.id}/`)).body;
    expect(registered.server.id).not.toBe(hidden.id);
    // Blue's server is as it was; ann sees the new one and nothing of blue's.
    const after = (await s.get(`/api/dcim/servers/${hidden.id}/`)).body;
    expect(after.serial_number).toBe("BLUE-SERIAL");
    expect(after.name).toBe("blue-srv");
    expect((await asAnn.get(`/api/core/jobs/${job.id}/`)).body.result.server).toBe(registered.server.id);
    expect((await asAnn.get(`/api/dcim/servers/${registered.server.id}/`)).status).toBe(200);
  });
});
