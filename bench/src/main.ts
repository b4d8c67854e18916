import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { bulkBench } from "./bulk";
import { coldStart } from "./cold-start";
import { sameJson } from "./compare";
import { BACKENDS, type Backend, type Target } from "./db";
import { cursorAt, MAX_OFFSET } from "./deep-pages";
import { iterateAll, sdkIterate } from "./iterate";
import { type LoadResult, load } from "./load";
import { AUTH, benchDir, floorEntry, serverEntry, serverEnv, startChild } from "./processes";
import { restrictedShapes } from "./restricted";
import { type Seeded, seed, seedPglite } from "./seed";
import { typecheckTime } from "./typecheck";

/**
 * `pnpm bench [--backend=postgresql|pglite|both] [--sizes=10000,100000] [--seconds=10] [--rounds=2] [--connections=16]`
 * Seeds PostgreSQL (DATABASE_URL's server, databases rackplane_bench_<size>) and/or
 * PGlite data directories (bench/.data/pglite_<size>), then measures the server and
 * the hand-written floor in alternation on each.
 */
const arg = (name: string, d: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? d;
const sizes = arg("sizes", "10000,100000").split(",").map(Number);
const seconds = Number(arg("seconds", "10"));
const rounds = Number(arg("rounds", "2"));
const connections = Number(arg("connections", "16"));
const only = arg("only", "");
const baseUrl = process.env.DATABASE_URL ?? "postgres://rackplane:rackplane@127.0.0.1:5432/rackplane";

/** `--backend=postgresql` (default), `pglite` or `both`. */
export function parseBackends(value: string): Backend[] {
  if (value === "both") return [...BACKENDS];
  if ((BACKENDS as string[]).includes(value)) return [value as Backend];
  throw new Error(`--backend must be one of ${BACKENDS.join(", ")}, both (got "${value}")`);
}

/** Where the PGlite seeds live (gitignored): one directory per size, the server's and the floor's copy. */
export const pgliteRoot = resolve(benchDir, ".data");

function seedFor(backend: Backend, size: number): Promise<Seeded> {
  return backend === "postgresql"
    ? seed(baseUrl, `rackplane_bench_${size}`, size)
    : seedPglite(join(pgliteRoot, `pglite_${size}`), size);
}

/** The environment that points the server (or the floor) at `target`, as deployed: a URL, or a data directory and no URL. */
export function databaseEnv(target: Target): Record<string, string> {
  return "url" in target ? { DATABASE_URL: target.url } : { DATABASE_URL: "", RACKPLANE_DATA_DIR: target.dataDir };
}

interface Row {
  backend: Backend;
  size: number;
  shape: string;
  floor?: LoadResult;
  server: LoadResult;
  ratio?: number;
  queries: number;
  sameJson?: boolean;
}

const median = (xs: LoadResult[]): LoadResult => {
  const s = [...xs].sort((a, b) => a.rps - b.rps);
  return s[Math.floor(s.length / 2)]!;
};

async function main() {
  const backends = parseBackends(arg("backend", "postgresql"));
  const startedAt = new Date().toISOString();
  const rows: Row[] = [];
  const extra: Record<string, any> = {};
  const versions: Partial<Record<Backend, string>> = {};
  for (const backend of backends) {
    const ex: Record<string, unknown> = {};
    extra[backend] = ex;
    for (const size of sizes) {
      const s = await seedFor(backend, size);
      versions[backend] = s.version;
      console.log(`seed ${backend} ${size}: ${s.reused ? "reused" : `${s.seconds.toFixed(1)} s`}`);
      const server = await startChild(serverEntry, { ...serverEnv, ...databaseEnv(s.server), POOL_SIZE: "10" });
      const floor = await startChild(floorEntry, { ...databaseEnv(s.floor), POOL_SIZE: "10" }).catch(async (err) => {
        await server.stop();
        throw err;
      });
      try {
        const deep = Math.floor(size * 0.9);
        const deepOffset = Math.min(deep, MAX_OFFSET); // deeper OFFSET pages are a 400 (cursor instead)
        const ids = Array.from({ length: 100 }, (_, i) => `/api/dcim/servers/${1 + Math.floor((i * size) / 100)}/`);
        const shapes: { shape: string; paths: string[]; floor: boolean; headers?: Record<string, string> }[] = [
          { shape: "list page+count", paths: ["/api/dcim/servers/?limit=50"], floor: true },
          { shape: "filtered page+count", paths: ["/api/dcim/servers/?status=in_use&limit=50"], floor: true },
          {
            shape: "filtered offset 2k",
            paths: ["/api/dcim/servers/?status=in_use&limit=50&offset=2000"],
            floor: true,
          },
          { shape: `offset ${deepOffset}`, paths: [`/api/dcim/servers/?limit=50&offset=${deepOffset}`], floor: true },
          { shape: "detail", paths: ids, floor: true },
        ];
        shapes.push(...(await restrictedShapes(server.base))); // `--only` picks among them below
        if (!only || only.includes("cursor")) {
          try {
            shapes.push({ shape: "keyset first page", paths: ["/api/dcim/servers/?cursor=&limit=50"], floor: false });
            shapes.push({ shape: `keyset at ${deep}`, paths: [await cursorAt(server.base, deep)], floor: false });
          } catch (err) {
            console.log(`keyset pagination not measured: ${err}`);
            shapes.splice(-1);
          }
        }
        for (const sh of shapes) {
          if (only && !only.split(",").some((o) => sh.shape.includes(o))) continue;
          const probe = await fetch(server.base + sh.paths[0], { headers: sh.headers ?? AUTH });
          const queries = Number(probe.headers.get("x-query-count") ?? -1);
          const row: Row = { backend, size, shape: sh.shape, queries, server: undefined as never };
          if (sh.floor) row.sameJson = await sameJson(server.base, floor.base, sh.paths[0]!);
          const fl: LoadResult[] = [];
          const sv: LoadResult[] = [];
          for (let i = 0; i < rounds; i++) {
            // Alternate which goes first so drift in machine load hits both alike.
            const order = i % 2 === 0 ? ["floor", "server"] : ["server", "floor"];
            for (const who of order) {
              if (who === "floor" && !sh.floor) continue;
              const r = await load(who === "floor" ? floor.base : server.base, sh.paths, {
                seconds,
                connections,
                headers: sh.headers,
              });
              (who === "floor" ? fl : sv).push(r);
            }
          }
          row.server = median(sv);
          if (fl.length) {
            row.floor = median(fl);
            row.ratio = row.server.rps / row.floor.rps;
          }
          rows.push(row);
          console.log(format(row));
        }
        if ((!only || only.includes("iterate")) && size === Math.max(...sizes)) {
          ex.iterate = await iterateAll(server.base);
          ex.sdkIterate = await sdkIterate(server.base, 1000);
          console.log(`SDK iterate (${backend}):`, ex.sdkIterate);
          console.log(`iterate (${backend}):`, ex.iterate);
        }
        // Last: it stops both programs (a PGlite directory opens in one process only).
        if (!only || only.includes("bulk")) {
          ex[`bulk_${size}`] = await bulkBench(server, floor, s, 10_000);
          console.log(`bulk 10k (${backend} ${size}):`, ex[`bulk_${size}`]);
        }
      } finally {
        await server.stop();
        await floor.stop();
      }
    }
  }
  if (!only || only.includes("cold")) {
    extra.pgliteColdStart = await coldStart();
    console.log("PGlite cold start:", extra.pgliteColdStart);
  }
  if (!only || only.includes("typecheck")) {
    extra.typecheck = await typecheckTime();
    console.log("consumer type-check:", extra.typecheck);
  }
  const machine = {
    cpus: `${cpus().length} × ${cpus()[0]?.model}`,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: versions.postgresql,
    pglite: versions.pglite,
    loadavgAtEnd: loadavg(),
  };
  const out = {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine,
    backends,
    seconds,
    rounds,
    connections,
    rows,
    extra,
  };
  mkdirSync(resolve(benchDir, "results"), { recursive: true });
  writeFileSync(resolve(benchDir, "results/latest.json"), `${JSON.stringify(out, null, 2)}\n`);
  console.log(`\n${table(rows)}\n\nwritten bench/results/latest.json`);
}

const n = (x: number | undefined, d = 0) => (x === undefined ? "–" : x.toFixed(d));
function format(r: Row) {
  return `${r.backend} ${r.size} ${r.shape}: server ${n(r.server.rps)} req/s (p50 ${r.server.p50} ms, p99 ${r.server.p99} ms, ${r.queries} SQL) floor ${n(r.floor?.rps)} → ${n(r.ratio, 2)}×${r.sameJson === false ? " JSON DIFFERS" : ""}${r.server.non2xx || r.server.errors ? ` ERRORS ${r.server.non2xx}/${r.server.errors}` : ""}`;
}

export function table(rows: Row[]): string {
  const head =
    "| backend | size | shape | server req/s | p50 ms | p99 ms | floor req/s | floor p50 | floor p99 | ratio | SQL/req | same JSON |\n|---|---|---|---|---|---|---|---|---|---|---|---|";
  const lines = rows.map(
    (r) =>
      `| ${r.backend} | ${r.size} | ${r.shape} | ${n(r.server.rps)} | ${r.server.p50} | ${r.server.p99} | ${n(r.floor?.rps)} | ${r.floor?.p50 ?? "–"} | ${r.floor?.p99 ?? "–"} | ${n(r.ratio, 2)} | ${r.queries} | ${r.sameJson === undefined ? "–" : r.sameJson ? "yes" : "NO"} |`,
  );
  return [head, ...lines].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
