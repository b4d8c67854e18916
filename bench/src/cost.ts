import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { type Cost, measuredLoad } from "./per-request";
import { AUTH, benchDir, floorEntry, serverEntry, serverEnv, startChild } from "./processes";
import { seed } from "./seed";

/**
 * `pnpm tsx src/cost.ts [--sizes=10000] [--seconds=5] [--connections=16] [--only=detail,…] [--profile]`
 * CPU per request (µs) of the server and the floor on PostgreSQL, app and database
 * apart, for the read shapes: the fixed per-request path is what detail costs the
 * server above the floor. `--profile` writes the server's V8 CPU profile
 * (`node --cpu-prof`) to bench/results/profiles/.
 */
const arg = (name: string, d: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? d;
const sizes = arg("sizes", "10000").split(",").map(Number);
const seconds = Number(arg("seconds", "5"));
const connections = Number(arg("connections", "16"));
const only = arg("only", "");
const profile = process.argv.includes("--profile");
const baseUrl = process.env.DATABASE_URL ?? "postgres://rackplane:rackplane@127.0.0.1:5432/rackplane";

export const costShapes = (size: number) => [
  { shape: "detail", paths: Array.from({ length: 100 }, (_, i) => `/api/dcim/servers/${1 + Math.floor((i * size) / 100)}/`) },
  { shape: "list page+count", paths: ["/api/dcim/servers/?limit=50"] },
  { shape: "brief list 50", paths: ["/api/dcim/servers/?brief=1&limit=50"] },
  { shape: "filtered page+count", paths: ["/api/dcim/servers/?status=in_use&limit=50"] },
  { shape: "limit 1000", paths: ["/api/dcim/servers/?limit=1000"] },
];

async function main() {
  const out: Record<string, unknown>[] = [];
  for (const size of sizes) {
    const s = await seed(baseUrl, `rackplane_bench_${size}`, size);
    const url = "url" in s.server ? s.server.url : baseUrl;
    const database = `rackplane_bench_${size}`;
    const dir = resolve(benchDir, "results/profiles");
    mkdirSync(dir, { recursive: true });
    const server = await startChild(serverEntry, {
      ...serverEnv,
      DATABASE_URL: url,
      POOL_SIZE: "10",
    }, undefined, profile ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : []);
    const floor = await startChild(floorEntry, { DATABASE_URL: url, POOL_SIZE: "10" });
    try {
      for (const sh of costShapes(size)) {
        if (only && !only.split(",").some((o) => sh.shape.includes(o))) continue;
        // Warm both (JIT, pools at full size, caches) before counting.
        for (const c of [server, floor]) await fetch(c.base + sh.paths[0], { headers: AUTH }).then((r) => r.text());
        await measuredLoad(server, sh.paths, { seconds: 1, connections });
        const sv: Cost = await measuredLoad(server, sh.paths, { seconds, connections, url: baseUrl, database });
        const fl: Cost = await measuredLoad(floor, sh.paths, { seconds, connections, url: baseUrl, database });
        const row = { size, shape: sh.shape, server: sv, floor: fl, ratio: sv.rps / fl.rps };
        out.push(row);
        console.log(
          `${size} ${sh.shape}: server ${sv.rps.toFixed(0)} req/s app ${sv.appUs} µs + db ${sv.dbUs} µs (p99 ${sv.p99} ms) | floor ${fl.rps.toFixed(0)} req/s app ${fl.appUs} µs + db ${fl.dbUs} µs | ratio ${row.ratio.toFixed(2)}${sv.non2xx || sv.errors ? ` ERRORS ${sv.non2xx}/${sv.errors}` : ""}`,
        );
      }
    } finally {
      await server.stop();
      await floor.stop();
    }
  }
  writeFileSync(resolve(benchDir, "results/cost.json"), `${JSON.stringify(out, null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
