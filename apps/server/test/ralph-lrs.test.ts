import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import bcrypt from "bcryptjs";
import { afterAll, describe, expect, it } from "vitest";
import { traceRate } from "../src/sentry";
import { rackplaneBin, runCli } from "./cli-runner";
import { freePort } from "./net";
import { scratchDataDir } from "./server-process";

// Ralph LRS's documented CLI and settings (shared/seeds/001), on the real binary.
const bin = rackplaneBin;
const dirs: { remove(): void }[] = [];
afterAll(() => {
  for (const d of dirs) d.remove();
});
const scratch = () => {
  const d = scratchDataDir();
  dirs.push(d);
  return d.dir;
};
const env = { ...process.env, RACKPLANE_BCRYPT_ROUNDS: "4", RACKPLANE_LOG_LEVEL: "warn", SENTRY_DSN: "" };
const rackplane = (args: string[], extraEnv: Record<string, string> = {}, cwd?: string) =>
  runCli(args, { ...env, ...extraEnv }, { cwd, timeout: 120_000 });
/** A mistake answered the way the issue asks: exit 2, one line on stderr, no stack, SQL or hash. */
const oneLineMistake = (r: { code: number; stderr: string }) => {
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trim().split("\n");
  expect(lines[0]).toMatch(/^(rackplane: |error: )/);
  expect(r.stderr).not.toMatch(/\n\s+at |INSERT|SELECT|\$2[aby]\$/);
};

describe("rackplane auth, Ralph LRS style", () => {
  it("prints a credentials entry, writes it with --write-to-disk, and refuses a duplicate in one line", {
    timeout: 180_000,
  }, async () => {
    const file = join(scratch(), "auth.json");
    const printed = await rackplane([
      "auth",
      "--username",
      "janedoe",
      "--password",
      "supersecret",
      "--scope",
      "janedoe_scope",
    ]);
    expect(printed.code, printed.stderr).toBe(0);
    const entry = JSON.parse(printed.stdout);
    expect(entry.username).toBe("janedoe");
    expect(entry.scopes).toEqual(["janedoe_scope"]);
    expect(bcrypt.compareSync("supersecret", entry.hash)).toBe(true);

    const args = ["auth", "--username", "janedoe", "--password", "supersecret", "--scope", "a", "--scope", "b"];
    const written = await rackplane([...args, "--write-to-disk"], { RACKPLANE_AUTH_FILE: file });
    expect(written.code, written.stderr).toBe(0);
    const list = JSON.parse(readFileSync(file, "utf8"));
    expect(list).toHaveLength(1);
    expect(list[0].scopes).toEqual(["a", "b"]);
    const again = await rackplane([...args, "--write-to-disk"], { RACKPLANE_AUTH_FILE: file });
    oneLineMistake(again);
    expect(again.stderr).toContain('user "janedoe" is already in');
    expect(JSON.parse(readFileSync(file, "utf8"))).toHaveLength(1);
  });

  it("answers CLI mistakes with one line and exit 2, --help with the usage", { timeout: 240_000 }, async () => {
    const dataDir = scratch();
    const db = { RACKPLANE_DATA_DIR: dataDir, DATABASE_URL: "" };
    expect((await rackplane(["auth", "create-user", "ops", "--password", "ops-pass-1"], db)).code).toBe(0);
    const dup = await rackplane(["auth", "create-user", "ops", "--password", "ops-pass-1"], db);
    oneLineMistake(dup);
    expect(dup.stderr).toContain('username "ops" already exists');
    oneLineMistake(await rackplane(["auth", "create-token", "ops", "--bogus"], db));
    oneLineMistake(await rackplane(["migrate", "--nope"]));
    const help = await rackplane(["auth", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("rackplane auth --username janedoe --password");
  });

  it("runserver -b pglite serves; settings come from .env, the real environment wins; the seed's forwardings load", {
    timeout: 180_000,
  }, async () => {
    const cwd = scratch();
    const port = await freePort();
    const token = "abcdef0123456789abcdef0123456789abcdef01";
    // Ralph LRS's forwarding example: its six keys exactly (URLs filled in).
    const forwardings = [
      {
        is_active: true,
        url: "http://lrs1.example.com/xAPI/statements/",
        basic_username: "lrs1",
        basic_password: "PASSWORD1",
        max_retries: 1,
        timeout: 5,
      },
      {
        is_active: true,
        url: "http://lrs2.example.com/xAPI/statements/",
        basic_username: "lrs2",
        basic_password: "PASSWORD2",
        max_retries: 5,
        timeout: 0.2,
      },
    ];
    writeFileSync(
      join(cwd, ".env"),
      [
        `PORT=${port}`,
        `RACKPLANE_ADMIN_TOKEN=${token}`,
        "RACKPLANE_ADMIN_USERNAME=from-dotenv",
        `RACKPLANE_FORWARDINGS=${JSON.stringify(forwardings)}`,
      ].join("\n"),
    );
    const { PORT: _, ...withoutPort } = env as NodeJS.ProcessEnv; // PORT comes from .env
    const proc = spawn(process.execPath, [bin, "runserver", "-b", "pglite", "--data-dir", join(cwd, "data")], {
      cwd,
      env: { ...withoutPort, DATABASE_URL: "", RACKPLANE_ADMIN_USERNAME: "real-env" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((r) => proc.once("exit", (code) => r(code)));
    let out = "";
    try {
      await new Promise<void>((ok, fail) => {
        const t = setTimeout(() => fail(new Error(`not listening:\n${out}`)), 120_000);
        const on = (d: Buffer) => {
          out += d;
          if (out.includes(`listening on http://127.0.0.1:${port}/api/ (PGlite`)) {
            clearTimeout(t);
            ok();
          }
        };
        proc.stdout.on("data", on);
        proc.stderr.on("data", on);
        exited.then(() => fail(new Error(`exited:\n${out}`)));
      });
      const at = /listening on (http:\/\/127\.0\.0\.1:\d+)\/api\//.exec(out)![1]!;
      const get = async (path: string) =>
        (await fetch(`${at}${path}`, { headers: { authorization: `Token ${token}` } })).json() as Promise<any>;
      expect((await get("/api/users/me/")).username).toBe("real-env");
      const fw = await get("/api/core/event-forwardings/?ordering=name");
      expect(
        fw.results.map((f: { name: string; payload_url: string; timeout: number }) => [f.name, f.timeout]),
      ).toEqual([
        ["lrs1.example.com/xAPI/statements", 5],
        ["lrs2.example.com/xAPI/statements", 0.2],
      ]);
    } finally {
      proc.kill("SIGTERM");
      await exited;
    }
  });
});

describe("Sentry trace sampling", () => {
  it("leaves health checks out when asked, keeps the rate for everything else", () => {
    const s = { tracesSampleRate: 0.5, ignoreHealthChecks: true };
    expect(traceRate(s, { name: "GET /api/status/" })).toBe(0);
    expect(traceRate(s, { name: "GET", attributes: { "url.path": "/api/status/live/" } })).toBe(0);
    expect(traceRate(s, { name: "GET /api/dcim/servers/" })).toBe(0.5);
    expect(traceRate({ tracesSampleRate: 0.5 }, { name: "GET /api/status/" })).toBe(0.5);
  });
});

describe("the credentials file as an account source, per-user scopes", () => {
  it("signs in a file user with HTTP Basic; /whoami lists their scopes, which limit the apps they reach", {
    timeout: 120_000,
  }, async () => {
    const { startServer } = await import("./harness");
    const file = join(scratch(), "auth.json");
    // The document's entry shape (username, bcrypt hash, scopes), with an app scope added.
    writeFileSync(
      file,
      JSON.stringify([
        { username: "janedoe", hash: bcrypt.hashSync("supersecret", 4), scopes: ["example_scope", "dcim:read"] },
        { username: "johndoe", hash: bcrypt.hashSync("othersecret", 4), scopes: ["second_scope", "third_scope"] },
      ]),
    );
    const s = await startServer({ RACKPLANE_AUTH_FILE: file });
    try {
      const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString("base64")}`;
      expect((await s.as(null).get("/whoami")).status).toBe(401);
      const me = await s.as(basic("janedoe", "supersecret")).get("/whoami");
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({
        username: "janedoe",
        scopes: ["example_scope", "dcim:read"],
        auth_method: "basic",
      });
      expect((await s.as(basic("janedoe", "wrong")).get("/whoami")).status).toBe(401);

      const pair = await s.as(null).post("/api/token/", { username: "janedoe", password: "supersecret" });
      const jane = s.as(`Bearer ${pair.body.access}`);
      expect((await jane.get("/api/users/me/")).body.scopes).toEqual(["example_scope", "dcim:read"]);
      expect((await jane.get("/api/dcim/regions/")).status).toBe(200);
      expect((await jane.post("/api/dcim/regions/", { name: "x", slug: "x" })).status).toBe(403);
      expect((await jane.get("/api/ipam/networks/")).status).toBe(403);
      // Label-only scopes (Ralph LRS's) limit nothing.
      const john = await s.as(basic("johndoe", "othersecret")).get("/whoami");
      expect(john.body.scopes).toEqual(["second_scope", "third_scope"]);
      // Superusers set a user's scopes through the API too.
      const row = (await s.get("/api/users/users/?username=johndoe")).body.results[0];
      expect(row.scopes).toBe("second_scope,third_scope");
      const patched = await s.patch(`/api/users/users/${row.id}/`, { scopes: "ipam:read" });
      expect(patched.status).toBe(200);
      expect((await s.as(basic("johndoe", "othersecret")).get("/whoami")).body.scopes).toEqual(["ipam:read"]);
    } finally {
      await s.close();
    }
  });
});
