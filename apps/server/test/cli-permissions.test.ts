import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliEnv, runCli } from "./cli-runner";
import { type ServerProcess, type Storage, scratchStorage, spawnServer } from "./server-process";

let storage: Storage;
let cleanup: () => Promise<void> | void;
let server: ServerProcess | undefined;
/** The real `rackplane` binary on this test's database; resolves with exit code and output. */
const rackplane = async (...args: string[]) => {
  const r = await runCli(args, cliEnv(storage));
  return { code: r.code, out: r.stdout + r.stderr };
};

beforeAll(async () => {
  ({ storage, remove: cleanup } = await scratchStorage());
});
afterAll(async () => {
  await server?.stop();
  await cleanup?.();
});

describe("rackplane CLI: object permissions", () => {
  it("grants, lists and revokes permissions the server applies; refuses what the API would", {
    // A dozen CLI runs and a server start, each seconds on a quiet machine, many on a busy one.
    timeout: 600_000,
  }, async () => {
    expect((await rackplane("auth", "create-user", "ops", "--password", "ops-pass-1")).code).toBe(0);
    const key = (await rackplane("auth", "create-token", "ops")).out.trim();
    expect(key).toMatch(/^[0-9a-f]{40}$/);
    const bad = await rackplane("permissions", "grant", "bad", "--types", "dcim.nothing", "--actions", "view");
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/--types: .*dcim\.nothing/);
    const badConstraint = await rackplane(
      "permissions",
      "grant",
      "bad",
      "--types",
      "dcim.regions",
      "--actions",
      "view",
      "--constraints",
      "colour=red",
    );
    expect(badConstraint.code).toBe(2);
    expect(badConstraint.out).toMatch(/--constraints: .*colour/);
    expect(
      (
        await rackplane(
          "permissions",
          "grant",
          "x",
          "--types",
          "dcim.regions",
          "--actions",
          "view",
          "--group",
          "ghosts",
        )
      ).code,
    ).toBe(2);
    const ok = await rackplane(
      "permissions",
      "grant",
      "ops-regions",
      "--types",
      "dcim.regions",
      "--actions",
      "view",
      "--user",
      "ops",
    );
    expect(ok.code, ok.out).toBe(0);
    expect((await rackplane("permissions", "list")).out).toContain("ops-regions  view on dcim.regions  → users ops");

    server = await spawnServer(storage, { RACKPLANE_ADMIN_TOKEN: "" });
    const headers = { authorization: `Token ${key}`, accept: "application/json", "content-type": "application/json" };
    expect((await fetch(`${server.baseUrl}/api/dcim/regions/`, { headers })).status).toBe(200);
    const write = await fetch(`${server.baseUrl}/api/dcim/regions/`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name: "x", slug: "x" }),
    });
    expect(write.status).toBe(403);
    await server.stop();
    server = undefined;

    // PGlite is one process's database: permission commands run while the server is stopped.
    expect((await rackplane("permissions", "revoke", "ops-regions")).code).toBe(0);
    expect((await rackplane("permissions", "revoke", "ops-regions")).code).toBe(1);
    expect((await rackplane("permissions", "list")).out).toContain("no permissions");
  });
});
