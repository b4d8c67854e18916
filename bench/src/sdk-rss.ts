import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { iterateAll, sdkIterate } from "./iterate";
import { benchDir, serverEntry, serverEnv, startChild } from "./processes";

/**
 * `DATABASE_URL=…/rackplane_bench_100000 tsx src/sdk-rss.ts [--limits=default,250,500,1000] [--rounds=3]
 * [--fetch=1000] [--script=PATH] [--out=FILE]`: walks every server of an existing seeded database
 * through the SDK's iterator (one process per walk) at each page size, rounds alternating the
 * order, plus plain `fetch` following `next` at the `--fetch` sizes; prints and writes time,
 * requests and peak RSS growth of each walk. Reads only: the database's rows stay as they are.
 * `--script`: copies of sdk-iterate.ts, comma-separated (one beside an older SDK's sources: an
 * A/B in the same rounds). The
 * `fetch` walks run in this process (iterate.ts, as `pnpm bench` runs them): only the first
 * round's starts from a small heap, later ones find it grown already.
 */
const arg = (name: string, d: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? d;
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL: a seeded database (rackplane_bench_100000)");
const limits = arg("limits", "default,250,500,1000").split(",");
const fetchLimits = arg("fetch", "1000").split(",").filter(Boolean).map(Number);
const rounds = Number(arg("rounds", "3"));
const scripts = arg("script", resolve(benchDir, "src/sdk-iterate.ts")).split(",");
const start = () => startChild(serverEntry, { ...serverEnv, DATABASE_URL: url });
let server = await start();
const runs: Record<string, unknown>[] = [];
/** One walk; when the server went away meanwhile (the machine is shared), it starts again and the walk is repeated. */
async function walk(run: () => Promise<Record<string, unknown>>) {
  for (let attempt = 0; ; attempt++) {
    const r = await run().catch((e: unknown) => ({ error: String(e) }));
    if (!("error" in r) && server.proc.exitCode === null && server.proc.signalCode === null) return r;
    console.error(
      `walk failed (server exit ${server.proc.exitCode} ${server.proc.signalCode}): ${String(r.error).slice(0, 200)}`,
    );
    if (attempt >= 3) return r;
    await server.stop();
    server = await start();
  }
}
try {
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? limits : [...limits].reverse();
    for (const l of order)
      for (const script of i % 2 === 0 ? scripts : [...scripts].reverse()) {
        const r = await walk(() => sdkIterate(server.base, l === "default" ? undefined : Number(l), script));
        runs.push({ round: i, walker: "sdk", script, limit: l, ...r });
        console.log(JSON.stringify(runs.at(-1)));
      }
    for (const l of fetchLimits) {
      runs.push({ round: i, walker: "fetch", limit: String(l), ...(await walk(() => iterateAll(server.base, l))) });
      console.log(JSON.stringify(runs.at(-1)));
    }
  }
} finally {
  await server.stop();
}
const out = arg("out", "");
if (out) writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), runs }, null, 2)}\n`);
