import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { resourceList, resources } from "@rackplane/contract";
import { expect, it } from "vitest";

/**
 * Every resource of the contract runs the generic suite (with its permission axis):
 * a resource added to the contract without a `describeResource({ resource: app.name, … })`
 * block in some test file fails here. The blocks name resources through the contract
 * tree (`resources.<app>.<name>`), so a misspelt or removed one fails too.
 */
it("runs the generic resource suite for every resource of the contract", () => {
  const dir = import.meta.dirname;
  const tree = resources as unknown as Record<string, Record<string, { key: string } | undefined>>;
  const covered = new Map<string, string>();
  const unknown: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".test.ts") && f !== "suite-coverage.test.ts")) {
    const text = readFileSync(join(dir, file), "utf8");
    for (const m of text.matchAll(/describeResource\(\{\s*resource:\s*(\w+)\.(\w+)\s*,/g)) {
      const r = tree[m[1]!]?.[m[2]!];
      if (!r) unknown.push(`${file}: ${m[1]}.${m[2]}`);
      else if (covered.has(r.key)) unknown.push(`${file}: ${r.key} again (also in ${covered.get(r.key)})`);
      else covered.set(r.key, file);
    }
  }
  expect(unknown).toEqual([]);
  expect(resourceList.map((r) => r.key).filter((k) => !covered.has(k))).toEqual([]);
  expect(covered.size).toBe(resourceList.length);
});
