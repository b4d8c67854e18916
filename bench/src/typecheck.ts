import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { benchDir, repoDir } from "./processes";

/**
 * `tsc --noEmit` over a consumer script that calls 30 endpoints through the SDK:
 * wall time, tsc's own "Total time" (less sensitive to a busy machine) and its
 * type instantiations (not sensitive at all) — against the SDK as published (its
 * built `dist/index.d.ts`, built here first), against its sources (what a
 * contributor's editor checks), and, for comparison, the same kind of script over
 * openai-node (`consumer/openai-thirty.ts`). Target: at most 2× openai's instantiations.
 */
export async function typecheckTime() {
  const build = spawnSync("npx", ["tsup"], { cwd: resolve(repoDir, "packages/sdk"), encoding: "utf8" });
  if (build.status !== 0) throw new Error(`SDK build failed: ${build.stderr.slice(0, 1000)}`);
  const published = check("tsconfig.dist.json", "@rackplane/sdk dist/index.d.ts (tsup build)");
  const openai = check("tsconfig.openai.json", "openai-node (npm), 30 calls");
  return {
    published,
    sources: check("tsconfig.json", "@rackplane/sdk sources over @rackplane/contract"),
    openai,
    instantiationsVsOpenai:
      published.instantiations && openai.instantiations
        ? Number((published.instantiations / openai.instantiations).toFixed(2))
        : undefined,
  };
}

function check(tsconfig: string, client: string) {
  const tsc = resolve(benchDir, "node_modules/.bin/tsc");
  const t = performance.now();
  const r = spawnSync(tsc, ["--noEmit", "--extendedDiagnostics", "-p", resolve(benchDir, "consumer", tsconfig)], {
    encoding: "utf8",
  });
  const ms = Math.round(performance.now() - t);
  const total = /Total time:\s+([\d.]+)s/.exec(r.stdout)?.[1];
  const checkTime = /Check time:\s+([\d.]+)s/.exec(r.stdout)?.[1];
  const instantiations = /Instantiations:\s+(\d+)/.exec(r.stdout)?.[1];
  return {
    wallMs: ms,
    tscTotalS: total ? Number(total) : undefined,
    tscCheckS: checkTime ? Number(checkTime) : undefined,
    instantiations: instantiations ? Number(instantiations) : undefined,
    ok: r.status === 0,
    client,
    errors: r.status === 0 ? undefined : r.stdout.slice(0, 1000),
  };
}
