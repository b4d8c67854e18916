import { seed } from "./seed";

/**
 * `pnpm tsx src/seed-only.ts 100000 1000000`: seeds (or reuses) PostgreSQL databases
 * rackplane_bench_<size> without measuring, in one transaction each (bulk SQL, no API),
 * so a long seed (a million servers) can run ahead of the measurements.
 */
const baseUrl = process.env.DATABASE_URL ?? "postgres://rackplane:rackplane@127.0.0.1:5432/rackplane";
for (const size of process.argv.slice(2).map(Number)) {
  const s = await seed(baseUrl, `rackplane_bench_${size}`, size);
  console.log(`seed ${size}: ${s.reused ? "reused" : `${s.seconds.toFixed(1)} s`}`);
}
