import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { benchDir } from "./processes";

/** Wall time of `tsc --noEmit` over a consumer script that calls 30 endpoints. */
export async function typecheckTime() {
  const tsc = resolve(benchDir, "node_modules/.bin/tsc");
  const t = performance.now();
  const r = spawnSync(tsc, ["--noEmit", "-p", resolve(benchDir, "consumer")], { encoding: "utf8" });
  const ms = Math.round(performance.now() - t);
  return {
    ms,
    ok: r.status === 0,
    client: "@ts-rest/core initClient over @rackplane/contract sources",
    errors: r.status === 0 ? undefined : r.stdout.slice(0, 2000),
  };
}
