import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { modelsPath, renderModels } from "../scripts/models";

describe("src/models.generated.ts", () => {
  it("is what scripts/models.ts renders from the contract (run `pnpm --filter @rackplane/sdk models`)", () => {
    expect(readFileSync(modelsPath, "utf8")).toBe(renderModels());
    expect(renderModels()).toContain('export type ServerCreate = CreateInput<"dcim", "servers">;');
  });
});
