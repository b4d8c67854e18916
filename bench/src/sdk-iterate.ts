// Walks every server through the SDK's iterator and prints time, requests and RSS growth (one JSON line).
// Imported from the SDK's sources (the bench does not depend on a built SDK).
// `sdk-iterate.ts BASE TOKEN [LIMIT]`: without LIMIT, the SDK's own page size (what most callers get).
import { Rackplane } from "../../packages/sdk/src/index";

async function main() {
  const [baseUrl, token, limitArg] = process.argv.slice(2);
  const limit = limitArg ? Number(limitArg) : undefined;
  let requests = 0;
  const rp = new Rackplane({ baseUrl, token, onRequest: () => void requests++ });
  (globalThis as { gc?: () => void }).gc?.();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  let n = 0;
  const t = performance.now();
  for await (const s of rp.dcim.servers.list({ cursor: "", limit }) as AsyncIterable<{
    id: number;
  }>) {
    if (s.id) n++;
    if (n % 1000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const out = {
    client: `@rackplane/sdk async iterator, keyset pages, limit ${limit ?? "not given"}`,
    objects: n,
    requests,
    seconds: Number(((performance.now() - t) / 1000).toFixed(2)),
    rssGrowthMb: Number(((peak - rss0) / 2 ** 20).toFixed(1)),
  };
  console.log(JSON.stringify(out));
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
