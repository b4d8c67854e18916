import { execFile, execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./server";

/**
 * The package as users get it: pack the SDK with `npm pack` and with `pnpm pack`
 * (each builds it and writes the publish manifest in `prepack`), install each tarball
 * into an empty folder with npm (dependencies from the registry), and run a plain ESM
 * and a CommonJS script there against a live server on loopback.
 */
const sdkDir = join(import.meta.dirname, "..");
const TOKEN = "fedcba9876543210fedcba9876543210fedcba98";
let s: TestServer;
/** The npm-packed install (most tests) and the pnpm-packed one. */
let dir: string;
let pnpmDir: string;
let manifest: Record<string, any>;
const workspaceManifest = readFileSync(join(sdkDir, "package.json"), "utf8");

const pnpmCommand = (): string[] => {
  const root = JSON.parse(readFileSync(join(sdkDir, "../../package.json"), "utf8"));
  return ["npx", "-y", root.packageManager];
};

/** Packs with `npm pack` or `pnpm pack` and installs the tarball with npm into a fresh folder. */
function packAndInstall(packer: string[]): string {
  const target = mkdtempSync(join(tmpdir(), "rackplane-sdk-"));
  execFileSync(packer[0]!, [...packer.slice(1), "pack", "--pack-destination", target], {
    cwd: sdkDir,
    stdio: "pipe",
  });
  const tgz = readdirSync(target).find((f) => f.endsWith(".tgz"))!;
  writeFileSync(join(target, "package.json"), JSON.stringify({ name: "sdk-consumer", private: true }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", join(target, tgz)], {
    cwd: target,
  });
  for (const f of ["smoke.mjs", "smoke.cjs"]) copyFileSync(join(sdkDir, "test/packed", f), join(target, f));
  return target;
}

beforeAll(async () => {
  dir = packAndInstall(["npm"]);
  pnpmDir = packAndInstall(pnpmCommand());
  manifest = JSON.parse(readFileSync(join(dir, "node_modules/@rackplane/sdk/package.json"), "utf8"));
  s = await startServer({ RACKPLANE_ADMIN_TOKEN: TOKEN });
}, 600_000);
afterAll(async () => {
  await s?.close();
  for (const d of [dir, pnpmDir]) if (d) rmSync(d, { recursive: true, force: true });
});

// Asynchronous: the server answers from this very process, so it must not be blocked.
const run = async (script: string, tag: string, cwd = dir) => {
  const { stdout } = await promisify(execFile)("node", [script, tag], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, RACKPLANE_URL: s.baseUrl, RACKPLANE_TOKEN: TOKEN },
  });
  return JSON.parse(stdout);
};

describe("the packed SDK", () => {
  it("depends only on public packages", () => {
    const deps = Object.keys(manifest.dependencies ?? {}).sort();
    expect(deps).toEqual(["@ts-rest/core", "zod"]);
    expect(JSON.stringify(manifest.dependencies)).not.toMatch(/catalog:|workspace:/);
    expect(existsSync(join(dir, "node_modules/@rackplane/contract"))).toBe(false);
    expect(manifest.devDependencies).toBeUndefined();
    expect(Object.keys(manifest.scripts ?? {})).not.toContain("prepack");
  });

  it("carries its README and LICENSE, and packing leaves the workspace manifest as it was", () => {
    for (const d of [dir, pnpmDir]) {
      expect(readFileSync(join(d, "node_modules/@rackplane/sdk/README.md"), "utf8")).toContain("new Rackplane(");
      expect(readFileSync(join(d, "node_modules/@rackplane/sdk/LICENSE"), "utf8")).toMatch(/^MIT License/);
    }
    expect(readFileSync(join(sdkDir, "package.json"), "utf8")).toBe(workspaceManifest);
    expect(existsSync(join(sdkDir, ".package.json.workspace"))).toBe(false);
  });

  it("installs from the pnpm-packed tarball alike", async () => {
    const pnpmManifest = JSON.parse(readFileSync(join(pnpmDir, "node_modules/@rackplane/sdk/package.json"), "utf8"));
    expect(pnpmManifest.dependencies).toEqual(manifest.dependencies);
    expect((await run("smoke.mjs", "pnpm", pnpmDir)).names).toEqual(["pnpm sub 1", "pnpm sub 2", "pnpm sub 3"]);
  });

  it("ships self-contained, typed declarations (strict, without skipLibCheck)", async () => {
    const consumer = `import { NotFoundError, Rackplane } from "@rackplane/sdk";
const rp = new Rackplane();
export const first = async () => (await rp.dcim.servers.list({ status: "in_use", name__icontains: "web" })).results[0];
export const value = async (): Promise<"new" | "in_use" | "free" | "to_deploy" | "damaged" | "liquidated" | "in_repair" | "reserved" | undefined> =>
  (await first())?.status.value;
export const nf: NotFoundError | undefined = undefined;
type V = NonNullable<Awaited<ReturnType<typeof first>>>["status"]["value"];
export const typed: 0 extends 1 & V ? "any" : "typed" = "typed";
// @ts-expect-error: not a lookup of a string field
rp.dcim.servers.list({ name__gte: "a" });
// @ts-expect-error: not a transition of servers
rp.dcim.servers.runTransition(1, "explode");
// @ts-expect-error: misspelled filter
rp.dcim.racks.list({ stauts: "active" });
`;
    // The same code as an ES module and as CommonJS: both resolve the package's typed declarations.
    for (const file of ["consumer.mts", "consumer.cts"]) writeFileSync(join(dir, file), consumer);
    const tsc = join(sdkDir, "node_modules/typescript/bin/tsc");
    const args = ["--noEmit", "--strict", "--module", "nodenext", "--target", "es2022"];
    await promisify(execFile)("node", [tsc, ...args, "consumer.mts", "consumer.cts"], {
      cwd: dir,
      encoding: "utf8",
    }).catch((e) => {
      throw new Error(`consumer does not type-check:\n${e.stdout}${e.stderr}`);
    });
  }, 120_000);

  it("works from a plain ESM script", async () => {
    expect(await run("smoke.mjs", "esm")).toEqual({
      module: "esm",
      requestId: "string",
      isPage: true,
      firstPage: ["esm sub 3", "esm sub 2"],
      count: 3,
      names: ["esm sub 1", "esm sub 2", "esm sub 3"],
      conflict: "409 with request id",
      missing: true,
    });
  });

  it("works from a CommonJS script", async () => {
    expect(await run("smoke.cjs", "cjs")).toEqual({
      module: "cjs",
      requestId: "string",
      isPage: true,
      firstPage: ["cjs sub 3", "cjs sub 2"],
      count: 3,
      names: ["cjs sub 1", "cjs sub 2", "cjs sub 3"],
      bad: "name,slug",
    });
  });
});
