import { bulkStall } from "./bulk-stall";
import { benchDir, serverEntry, serverEnv, startChild } from "./processes";
import { seed } from "./seed";

/**
 * `pnpm tsx src/stall.ts [--size=10000] [--items=100000] [--db=NAME]`: bulk create of `items`
 * servers on PostgreSQL (a seed of `size`) with small GETs measured meanwhile (bulk-stall.ts).
 * `--db`: a database of its own (default `rackplane_bench_SIZE`), so that the rows written and
 * deleted meanwhile never meet another benchmark reading the shared seed.
 */
const arg = (name: string, d: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? d;
const baseUrl = process.env.DATABASE_URL ?? "postgres://rackplane:rackplane@127.0.0.1:5432/rackplane";
const size = Number(arg("size", "10000"));
const s = await seed(baseUrl, arg("db", `rackplane_bench_${size}`), size);
const profile = process.argv.includes("--profile");
const server = await startChild(
  serverEntry,
  {
    ...serverEnv,
    ...("url" in s.server ? { DATABASE_URL: s.server.url } : {}),
    POOL_SIZE: "10",
    RACKPLANE_MAX_BODY: "100mb",
  },
  undefined,
  profile ? ["--cpu-prof", `--cpu-prof-dir=${benchDir}/results/profiles`] : [],
);
try {
  for (const n of arg("items", "20000").split(",").map(Number))
    console.log(JSON.stringify(await bulkStall(server, s.server, n)));
} finally {
  await server.stop();
}
