import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { cursorAt, MAX_OFFSET } from "./deep-pages";
import { type Cost, measuredLoad } from "./per-request";
import { AUTH, benchDir, floorEntry, repoDir, serverEntry, serverEnv, startChild } from "./processes";
import { restrictedShapes } from "./restricted";
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
const rounds = Number(arg("rounds", "2"));
/** Per field, the median over runs (throughput, latencies and CPU per request alike). */
function median(rs: Cost[]): Cost {
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  const out = { ...rs[0]! };
  for (const k of Object.keys(out) as (keyof Cost)[]) {
    if (typeof out[k] === "number") (out as Record<string, number>)[k] = mid(rs.map((r) => r[k] as number));
  }
  return out;
}
const only = arg("only", "");
const profile = process.argv.includes("--profile");
/** `--baseline=apps/server/.baseline/apps/server/src/cli.ts`: an older server (a `git archive` of it) measured alongside. */
const baseline = arg("baseline", "");
const baseUrl = process.env.DATABASE_URL ?? "postgres://rackplane:rackplane@127.0.0.1:5432/rackplane";

export interface CostShape {
  shape: string;
  paths: string[];
  /** Whether the floor answers it (it implements the list, `status`, offset and detail only). */
  floor: boolean;
  /** Another caller's credentials (the restricted shapes) instead of the superuser's. */
  headers?: Record<string, string>;
}

/** Every read shape of issue 16 §3 on `size` seeded servers; `deepCursor`: a cursor link 90% deep. */
export function costShapes(size: number, maxOffset: number): CostShape[] {
  const deep = Math.min(Math.floor(size * 0.9), maxOffset);
  return [
    {
      shape: "detail",
      paths: Array.from({ length: 100 }, (_, i) => `/api/dcim/servers/${1 + Math.floor((i * size) / 100)}/`),
      floor: true,
    },
    { shape: "list page+count", paths: ["/api/dcim/servers/?limit=50"], floor: true },
    { shape: "filtered page+count", paths: ["/api/dcim/servers/?status=in_use&limit=50"], floor: true },
    {
      shape: "status + name__icontains",
      paths: ["/api/dcim/servers/?status=in_use&name__icontains=00012&limit=50"],
      floor: false,
    },
    { shape: "search", paths: ["/api/dcim/servers/?search=SN000123&limit=50"], floor: false },
    { shape: "brief list 50", paths: ["/api/dcim/servers/?brief=1&limit=50"], floor: false },
    { shape: "one tag", paths: ["/api/dcim/servers/?tag=tag-3&limit=50"], floor: false },
    { shape: "keyset first page", paths: ["/api/dcim/servers/?cursor=&limit=50"], floor: false },
    { shape: `offset ${deep}`, paths: [`/api/dcim/servers/?limit=50&offset=${deep}`], floor: true },
    { shape: "limit 1000", paths: ["/api/dcim/servers/?limit=1000"], floor: true },
    // IP addresses (as many as servers): NetBox deployments hold millions.
    {
      shape: "ip detail",
      paths: Array.from({ length: 100 }, (_, i) => `/api/ipam/ip-addresses/${1 + Math.floor((i * size) / 100)}/`),
      floor: false,
    },
    { shape: "ip page+count", paths: ["/api/ipam/ip-addresses/?limit=50"], floor: false },
    { shape: "ip parent /24", paths: ["/api/ipam/ip-addresses/?parent=10.0.200.0/24&limit=50"], floor: false },
    { shape: "ip search", paths: ["/api/ipam/ip-addresses/?search=host-00012&limit=50"], floor: false },
  ];
}

async function main() {
  const out: Record<string, unknown>[] = [];
  for (const size of sizes) {
    const s = await seed(baseUrl, `rackplane_bench_${size}`, size);
    const url = "url" in s.server ? s.server.url : baseUrl;
    const database = `rackplane_bench_${size}`;
    const dir = resolve(benchDir, "results/profiles");
    mkdirSync(dir, { recursive: true });
    const server = await startChild(
      serverEntry,
      {
        ...serverEnv,
        DATABASE_URL: url,
        POOL_SIZE: "10",
      },
      undefined,
      profile ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : [],
    );
    const floor = await startChild(floorEntry, { DATABASE_URL: url, POOL_SIZE: "10" });
    const before = baseline
      ? await startChild(resolve(repoDir, baseline), { ...serverEnv, DATABASE_URL: url, POOL_SIZE: "10" })
      : undefined;
    try {
      const shapes = costShapes(size, MAX_OFFSET);
      if (!only || only.includes("keyset")) {
        const depth = Math.floor(size * 0.9);
        shapes.push({ shape: `keyset at ${depth}`, paths: [await cursorAt(server.base, depth)], floor: false });
      }
      if (!only || only.includes("restricted")) shapes.push(...(await restrictedShapes(server.base)));
      for (const sh of shapes) {
        if (only && !only.split(",").some((o) => sh.shape.includes(o))) continue;
        const programs = { server, ...(before ? { before } : {}), ...(sh.floor ? { floor } : {}) };
        const row: Record<string, unknown> = { size, shape: sh.shape };
        // Each warmed (JIT, pools at full size, caches) first; then `rounds` runs each, in
        // alternating order so drift in the (shared) machine's load hits all alike; the median.
        const runs: Record<string, Cost[]> = {};
        for (const [name, c] of Object.entries(programs)) {
          await fetch(c.base + sh.paths[0], { headers: sh.headers ?? AUTH }).then((r) => r.text());
          await measuredLoad(c, sh.paths, { seconds: 1, connections, headers: sh.headers });
          runs[name] = [];
        }
        for (let i = 0; i < rounds; i++) {
          const order = Object.entries(programs);
          if (i % 2) order.reverse();
          for (const [name, c] of order)
            runs[name]!.push(
              await measuredLoad(c, sh.paths, { seconds, connections, url: baseUrl, database, headers: sh.headers }),
            );
        }
        for (const [name, rs] of Object.entries(runs)) row[name] = median(rs);
        const sv = row.server as Cost;
        const fl = row.floor as Cost | undefined;
        const bf = row.before as Cost | undefined;
        if (fl) row.ratio = sv.rps / fl.rps;
        out.push(row);
        const f = (c: Cost) =>
          `${c.rps.toFixed(0)} req/s app ${c.appUs} µs + db ${c.dbUs} µs (p50 ${c.p50} p99 ${c.p99} ms)${c.non2xx || c.errors ? ` ERRORS ${c.non2xx}/${c.errors}` : ""}`;
        console.log(
          `${size} ${sh.shape}: server ${f(sv)}${bf ? ` | before ${f(bf)}` : ""}${fl ? ` | floor ${f(fl)} | ratio ${(row.ratio as number).toFixed(2)}` : ""}`,
        );
      }
    } finally {
      await server.stop();
      await floor.stop();
      await before?.stop();
    }
  }
  writeFileSync(resolve(benchDir, arg("out", "results/cost.json")), `${JSON.stringify(out, null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
