import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { AUTH, benchDir, TOKEN } from "./processes";

/**
 * Iterates every server following `next` links (keyset when the server offers
 * it), sampling RSS growth of this process: a client that streams pages must
 * not grow with the collection.
 */
export async function iterateAll(base: string, limit = 1000) {
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const t = performance.now();
  let next: string | null = `${base}/api/dcim/servers/?cursor=&limit=${limit}`;
  let n = 0;
  while (next) {
    const page = (await (await fetch(next, { headers: AUTH })).json()) as {
      next: string | null;
      results: { id: number }[];
    };
    n += page.results.length;
    next = page.next;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  return {
    client: `fetch following next links, limit ${limit}`,
    objects: n,
    seconds: Number(((performance.now() - t) / 1000).toFixed(2)),
    rssGrowthMb: Number(((peak - rss0) / 2 ** 20).toFixed(1)),
  };
}

/**
 * The same walk through the SDK's async iterator (`for await … of rp.dcim.servers.list({cursor: ""})`),
 * in its own process; `limit` undefined = the SDK's default page size for iteration.
 */
export async function sdkIterate(base: string, limit?: number, script = resolve(benchDir, "src/sdk-iterate.ts")) {
  const tsx = resolve(benchDir, "node_modules/.bin/tsx");
  const args = ["--expose-gc", script, base, TOKEN, ...(limit === undefined ? [] : [String(limit)])];
  const r = spawnSync(tsx, args, { encoding: "utf8" });
  if (r.status !== 0) return { error: (r.stderr || r.stdout).slice(0, 500) };
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}
