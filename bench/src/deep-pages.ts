import { AUTH } from "./processes";

/**
 * The server's default `RACKPLANE_MAX_OFFSET`: an OFFSET page deeper than this is a 400
 * pointing at `cursor`, so the deep-offset shapes stop there.
 */
export const MAX_OFFSET = 100_000;

/** A 50-row cursor page `depth` rows in: walked with the biggest pages, the last link kept. */
export async function cursorAt(base: string, depth: number): Promise<string> {
  // Brief pages: the walk to a million rows' depth reads ids and names, not whole servers.
  let next: string | null = `${base}/api/dcim/servers/?cursor=&limit=1000&brief=1`;
  for (let seen = 0; next && seen + 1000 <= depth; ) {
    const r = (await (await fetch(next, { headers: AUTH })).json()) as { next: string | null; results: unknown[] };
    seen += r.results.length;
    next = r.next;
  }
  const u = new URL(next!);
  u.searchParams.set("limit", "50");
  u.searchParams.delete("brief");
  return u.pathname + u.search;
}
