import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { benchDir } from "./processes";

/**
 * `tsc --noEmit` over a consumer script that calls 30 endpoints through the SDK:
 * wall time, and tsc's own "Total time" (less sensitive to a busy machine).
 */
export async function typecheckTime() {
  const tsc = resolve(benchDir, "node_modules/.bin/tsc");
  const t = performance.now();
  const r = spawnSync(tsc, ["--noEmit", "--extendedDiagnostics", "-p", resolve(benchDir, "consumer")], {
    encoding: "utf8",
  });
  const ms = Math.round(performance.now() - t);
  const total = /Total time:\s+([\d.]+)s/.exec(r.stdout)?.[1];
  const check = /Check time:\s+([\d.]+)s/.exec(r.stdout)?.[1];
  return {
    wallMs: ms,
    tscTotalS: total ? Number(total) : undefined,
    tscCheckS: check ? Number(check) : undefined,
    ok: r.status === 0,
    client: "@rackplane/sdk (sources) over @rackplane/contract",
    errors: r.status === 0 ? undefined : r.stdout.slice(0, 1000),
  };
}
