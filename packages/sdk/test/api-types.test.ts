import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generatedDir } from "../scripts/api-types";
import { renderApiTypes } from "../scripts/api-types/render";

describe("src/generated", () => {
  it("is what scripts/api-types.ts renders from the contract (run `pnpm --filter @rackplane/sdk api-types`)", () => {
    const files = renderApiTypes();
    for (const [name, text] of files) expect(readFileSync(join(generatedDir, name), "utf8"), name).toBe(text);
    const dcim = files.get("dcim.ts")!;
    expect(dcim).toContain("export interface ServerResource {");
    expect(dcim).toMatch(
      /\/\*\*\n {3}\* List servers\.\n {3}\*\n {3}\* `GET \/api\/dcim\/servers\/`\n {3}\*\/\n {2}list</,
    );
    expect(dcim).toContain('export type ServerOrdering = "id" | "-id"');
  }, 300_000);
});
