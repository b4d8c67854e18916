import { execFile, execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The built declarations (`dist/index.d.ts`, what a user installs) as other
 * projects see them: a `strict: false` TypeScript consumer and a plain JavaScript one
 * under `// @ts-check` compile without false errors, and their `@ts-expect-error`
 * lines (mistakes) still fail; the editor shows the contract's words on methods and
 * fields (JSDoc survives the build).
 */
const sdkDir = join(import.meta.dirname, "..");
const consumers = join(sdkDir, "test/consumers");
const tsc = join(sdkDir, "node_modules/.bin/tsc");

beforeAll(() => {
  // `pnpm test` builds first (turbo); a bare `vitest run` may not have.
  if (!existsSync(join(sdkDir, "dist/index.d.ts"))) execFileSync("npx", ["tsup"], { cwd: sdkDir, stdio: "pipe" });
}, 300_000);

const compile = async (project: string) => {
  try {
    const { stdout } = await promisify(execFile)(tsc, ["-p", join(consumers, project)], { encoding: "utf8" });
    return { code: 0, stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, stdout: err.stdout };
  }
};

describe("the built types in other projects", () => {
  it("compile in a strict: false TypeScript project", async () => {
    expect(await compile("loose")).toEqual({ code: 0, stdout: "" });
  }, 120_000);

  it("compile in a checkJs JavaScript project", async () => {
    expect(await compile("checkjs")).toEqual({ code: 0, stdout: "" });
  }, 120_000);

  it("carry the contract's summaries and field descriptions to the editor", () => {
    const dir = join(consumers, "loose");
    const config = ts.getParsedCommandLineOfConfigFile(
      join(dir, "tsconfig.json"),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: () => {},
      },
    )!;
    const file = join(dir, "consumer.ts");
    const text = readFileSync(file, "utf8");
    const service = ts.createLanguageService({
      getScriptFileNames: () => config.fileNames,
      getScriptVersion: () => "1",
      getScriptSnapshot: (f) => (ts.sys.fileExists(f) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(f)!) : undefined),
      getCurrentDirectory: () => dir,
      getCompilationSettings: () => config.options,
      getDefaultLibFileName: ts.getDefaultLibFilePath,
      fileExists: ts.sys.fileExists,
      readFile: ts.sys.readFile,
      readDirectory: ts.sys.readDirectory,
    });
    const hover = (needle: string, offset: number) => {
      const at = text.indexOf(needle);
      expect(at, needle).toBeGreaterThanOrEqual(0);
      const info = service.getQuickInfoAtPosition(file, at + offset);
      return ts.displayPartsToString(info?.documentation);
    };
    // A method: the route's summary and the HTTP call.
    expect(hover("servers.list({ status", "servers.".length)).toBe("List servers.\n\n`GET /api/dcim/servers/`");
    expect(hover("refreshInventoryAndWait", 1)).toContain("Re-read the inventory from the BMC");
    // Model fields: the declaration's kind, choices, constraints and description.
    expect(hover("s.status.value", 2)).toContain("`in_use` (In use)");
    expect(hover('name: "web-1"', 1)).toBe("Text. At most 100 characters. Required.");
    expect(hover("position: null", 1)).toContain("Between 1 and 100. May be null.");
    // Filters: the OpenAPI document's words.
    expect(hover("ordering: [", 1)).toContain("`-` for descending");
  }, 120_000);
});
