// Walks every server through the SDK's iterator and prints time and RSS growth (one JSON line).
// Imported from the SDK's sources (the bench does not depend on a built SDK).
import { Rackplane } from "../../packages/sdk/src/index";

async function main() {
  const [baseUrl, token] = process.argv.slice(2);
  const rp = new Rackplane({ baseUrl, token });
  (globalThis as { gc?: () => void }).gc?.();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  let n = 0;
  const t = performance.now();
  for await (const s of rp.dcim.servers.list({ cursor: "", limit: 1000 }) as AsyncIterable<{
    id: number;
  }>) {
    if (s.id) n++;
    if (n % 1000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const out = {
    client: "@rackplane/sdk async iterator, keyset pages of 1000",
    objects: n,
    seconds: Number(((performance.now() - t) / 1000).toFixed(2)),
    rssGrowthMb: Number(((peak - rss0) / 2 ** 20).toFixed(1)),
  };
  console.log(JSON.stringify(out));
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
