import { describe, expect, it } from "vitest";

// The benchmark is not part of the test run; this keeps its modules importable
// (and type-checked by `tsc -p bench`) so they do not rot between runs.
describe("bench modules", () => {
  it("import and expose their entry points", async () => {
    const [floor, seed, main, load] = await Promise.all([
      import("../src/floor"),
      import("../src/seed"),
      import("../src/main"),
      import("../src/load"),
    ]);
    expect(typeof floor.createFloor).toBe("function");
    expect(typeof seed.seed).toBe("function");
    expect(seed.databaseUrl("postgres://u:p@127.0.0.1:5432/x", "y")).toBe("postgres://u:p@127.0.0.1:5432/y");
    expect(typeof load.load).toBe("function");
    expect(main.table([])).toContain("| size | shape |");
  });
});
