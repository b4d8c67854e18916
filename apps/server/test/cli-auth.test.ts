import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliEnv, runCli } from "./cli-runner";
import { type ServerProcess, type Storage, scratchStorage, spawnServer } from "./server-process";

let storage: Storage;
let cleanup: () => Promise<void> | void;
let server: ServerProcess | undefined;
/** The real `rackplane` binary on this test's database; resolves with exit code and output. */
const rackplane = async (...args: string[]) => {
  const r = await runCli(args, cliEnv(storage), { timeout: 150_000 });
  return { code: r.code, out: r.stdout + r.stderr };
};

beforeAll(async () => {
  ({ storage, remove: cleanup } = await scratchStorage());
});
afterAll(async () => {
  await server?.stop();
  await cleanup?.();
});

describe("rackplane CLI: accounts and tokens", () => {
  it("creates a superuser, users and tokens that the server accepts; lists and revokes them", {
    // A dozen CLI runs and two server starts, each seconds on a quiet machine, many on a busy one.
    timeout: 600_000,
  }, async () => {
    const su = await rackplane("createsuperuser", "--username", "root", "--password", "s3cret-root");
    expect(su.code).toBe(0);
    const rootKey = /API token \(shown once\): ([0-9a-f]{40})/.exec(su.out)?.[1];
    expect(rootKey).toBeDefined();
    expect((await rackplane("auth", "create-user", "ops", "--password", "ops-pass-1")).code).toBe(0);
    // The API's password validators apply here too: one line, exit 2, no user created.
    const weak = await rackplane("auth", "create-user", "weak", "--password", "12345678");
    expect(weak.code).toBe(2);
    expect(weak.out.trim().split("\n")).toHaveLength(1);
    expect(weak.out).toMatch(/--password: .*(numeric|common)/);
    expect((await rackplane("auth", "create-token", "weak")).code).toBe(2); // no such user
    const ro = await rackplane(
      "auth",
      "create-token",
      "ops",
      "--read-only",
      "--scopes",
      "dcim:read",
      "--description",
      "ci",
    );
    expect(ro.code).toBe(0);
    const opsKey = ro.out.trim();
    expect(opsKey).toMatch(/^[0-9a-f]{40}$/);
    expect((await rackplane("auth", "create-token", "nobody")).code).toBe(2);
    expect((await rackplane("auth", "create-token", "ops", "--scopes", "everything")).code).toBe(2);
    const list = await rackplane("auth", "list-tokens");
    expect(list.out).toContain(`${opsKey.slice(0, 8)}…  ops  read-only, dcim:read  ci`);
    expect(list.out).toContain(`${rootKey!.slice(0, 8)}…  root  read-write, all apps`);
    expect(list.out).not.toContain(opsKey); // only prefixes

    server = await spawnServer(storage, { RACKPLANE_ADMIN_TOKEN: "" });
    const as = (key: string) => ({ authorization: `Token ${key}`, accept: "application/json" });
    const me = await fetch(`${server.baseUrl}/api/users/me/`, { headers: as(rootKey!) });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: "root", is_superuser: true });
    const ops = await fetch(`${server.baseUrl}/api/dcim/regions/`, { headers: as(opsKey) });
    expect(ops.status).toBe(200);
    const write = await fetch(`${server.baseUrl}/api/dcim/regions/`, {
      method: "POST",
      headers: { ...as(opsKey), "content-type": "application/json" },
      body: JSON.stringify({ name: "x", slug: "x" }),
    });
    expect(write.status).toBe(403);
    const pair = await fetch(`${server.baseUrl}/api/token/`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ username: "ops", password: "ops-pass-1" }),
    });
    expect(pair.status).toBe(200);

    // PGlite is one process's database: account commands run while the server is stopped.
    await server.stop();
    const revoke = await rackplane("auth", "revoke-token", opsKey.slice(0, 8));
    expect(revoke.code).toBe(0);
    expect((await rackplane("auth", "revoke-token", opsKey.slice(0, 8))).code).toBe(1);
    server = await spawnServer(storage, { RACKPLANE_ADMIN_TOKEN: "" });
    const after = await fetch(`${server.baseUrl}/api/dcim/regions/`, { headers: as(opsKey) });
    expect(after.status).toBe(401);
    expect((await fetch(`${server.baseUrl}/api/dcim/regions/`, { headers: as(rootKey!) })).status).toBe(200);
  });

  it("the first start of an empty database creates admin and prints its token", { timeout: 300_000 }, async () => {
    const fresh = await scratchStorage();
    const s = await spawnServer(fresh.storage, { RACKPLANE_ADMIN_TOKEN: "" });
    try {
      const key = /API token \(shown once\): ([0-9a-f]{40})/.exec(s.output())?.[1];
      expect(key, s.output()).toBeDefined();
      const me = await fetch(`${s.baseUrl}/whoami`, { headers: { authorization: `Token ${key}` } });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { username: string }).username).toBe("admin");
      expect((await fetch(`${s.baseUrl}/api/dcim/regions/`)).status).toBe(401);
    } finally {
      await s.stop();
      await fresh.remove();
    }
  });
});
