import { execFile, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { openapiDocument } from "@rackplane/contract/openapi";
import { afterAll, describe, expect, it } from "vitest";
import { track } from "./children";
import { rackplaneBin, runCli } from "./cli-runner";
import { freePort } from "./net";
import { scratchDataDir } from "./server-process";

/**
 * The real `rackplane` binary: `openapi`, `serve` flags, `seed` progress. PGlite data
 * dirs only (the commands' database handling is the same code as the server's); with
 * DATABASE_URL set, `--backend pglite` must still pick PGlite.
 */

const bin = rackplaneBin;
const committed = resolve(import.meta.dirname, "../../../openapi/rackplane.yaml");
const dirs: { remove(): void }[] = [];
afterAll(() => {
  for (const d of dirs) d.remove();
});
const dataDir = () => {
  const d = scratchDataDir();
  dirs.push(d);
  return d.dir;
};
const env = { ...process.env, RACKPLANE_BCRYPT_ROUNDS: "4", RACKPLANE_LOG_LEVEL: "warn" };
const rackplane = (args: string[], extraEnv: Record<string, string> = {}) => runCli(args, { ...env, ...extraEnv });

describe("rackplane CLI: openapi, serve, seed", () => {
  it("openapi prints the committed document as YAML, and as JSON with --json", { timeout: 300_000 }, async () => {
    const yaml = await rackplane(["openapi"]);
    expect(yaml.code).toBe(0);
    expect(yaml.stdout).toBe(readFileSync(committed, "utf8"));
    const json = await rackplane(["openapi", "--json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(openapiDocument())));
  });

  it("serve --backend pglite --port listens there on PGlite (even with DATABASE_URL); SIGTERM exits 0", {
    timeout: 300_000,
  }, async () => {
    const port = await freePort();
    const proc = spawn(
      process.execPath,
      [bin, "serve", "--backend", "pglite", "--data-dir", dataDir(), "--port", String(port)],
      {
        env: { ...env, DATABASE_URL: "postgres://nobody:x@127.0.0.1:1/none", RACKPLANE_ADMIN_TOKEN: "" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    track(proc);
    const exited = new Promise<number | null>((r) => proc.once("exit", (code) => r(code)));
    let out = "";
    await new Promise<void>((ok, fail) => {
      const t = setTimeout(() => fail(new Error(`not listening:\n${out}`)), 150_000);
      const on = (d: Buffer) => {
        out += d;
        if (out.includes(`listening on http://127.0.0.1:${port}/api/ (PGlite in`)) {
          clearTimeout(t);
          ok();
        }
      };
      proc.stdout.on("data", on);
      proc.stderr.on("data", on);
      exited.then(() => fail(new Error(`exited:\n${out}`)));
    });
    const status = (await (await fetch(`http://127.0.0.1:${port}/api/status/`)).json()) as any;
    expect(status.database.backend).toBe("pglite");
    expect(out).toMatch(/API token \(shown once\): [0-9a-f]{40}/); // first start on an empty database
    proc.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("refuses bad flags: --backend postgres without DATABASE_URL, an unknown backend, a bad port", {
    timeout: 300_000,
  }, async () => {
    const noUrl = await rackplane(["serve", "--backend", "postgres"], { DATABASE_URL: "" });
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain("--backend postgres needs DATABASE_URL");
    const bad = await rackplane(["serve", "--backend", "mysql"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("Allowed choices are pglite, postgres");
    const port = await rackplane(["serve", "--port", "70000"]);
    expect(port.code).not.toBe(0);
    expect(port.stderr).toContain("a port is 0–65535");
  });

  it("seed: one progress line per step on stderr when it is not a terminal", { timeout: 300_000 }, async () => {
    const r = await rackplane(["seed", "--backend", "pglite", "--data-dir", dataDir()]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe("seed: sample inventory created");
    const lines = r.stderr.split("\n").filter((l) => l.startsWith("seed: "));
    const total = Number(/^seed: 1\/(\d+) /.exec(lines[0] ?? "")?.[1]);
    expect(total).toBeGreaterThan(5);
    expect(lines).toHaveLength(total);
    expect(lines.at(-1)).toMatch(new RegExp(`^seed: ${total}/${total} `));
  });

  const hasScript = spawnSync("script", ["--version"]).status === 0;
  it.skipIf(!hasScript)(
    "seed: a progress bar on a terminal (a pseudo-terminal through script(1))",
    {
      timeout: 300_000,
    },
    async () => {
      const cmd = `${process.execPath} ${bin} seed --backend pglite --data-dir ${dataDir()}`;
      const r = await promisify(execFile)("script", ["-qec", cmd, "/dev/null"], { env, timeout: 150_000 });
      expect(r.stdout).toMatch(/seed \[[█░]+\] (\d+)\/\1 /);
      expect(r.stdout).not.toMatch(/seed: 1\/\d+ /);
    },
  );
});
