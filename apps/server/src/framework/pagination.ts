import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@rackplane/contract";
import type { RequestContext } from "./context";
import { badRequest } from "./errors";

export interface PageSettings {
  defaultPageSize: number;
  /** 0 = no maximum (then `limit=0` returns everything). */
  maxPageSize: number;
  /**
   * Deepest `offset` (or `page` × `page_size`) a list answers; deeper is a 400 that points
   * at `cursor`. OFFSET reads and skips every row before the window, so its cost grows with
   * the depth (32 ms of PostgreSQL at 90,000 rows, bench/RESULTS.md) where a cursor's does
   * not. 0 or absent: no limit.
   */
  maxOffset?: number;
}

export const defaultPageSettings: PageSettings = { defaultPageSize: DEFAULT_PAGE_SIZE, maxPageSize: MAX_PAGE_SIZE };

export interface Window {
  limit: number | null;
  offset: number;
  pageStyle: boolean;
}

/** `limit`/`offset` or `page`/`page_size` → a window, capped at the maximum. */
export function windowOf(q: Record<string, unknown>, s: PageSettings): Window {
  const pageStyle = q.page !== undefined || q.page_size !== undefined;
  const cap = (n: number): number | null => {
    if (s.maxPageSize === 0) return n === 0 ? null : n;
    return n === 0 ? s.maxPageSize : Math.min(n, s.maxPageSize);
  };
  if (pageStyle) {
    const size = cap(Number(q.page_size ?? s.defaultPageSize)) ?? s.defaultPageSize;
    return notTooDeep({ limit: size, offset: (Number(q.page ?? 1) - 1) * size, pageStyle }, s);
  }
  return notTooDeep({ limit: cap(Number(q.limit ?? s.defaultPageSize)), offset: Number(q.offset ?? 0), pageStyle }, s);
}

function notTooDeep(w: Window, s: PageSettings): Window {
  if (!s.maxOffset || w.offset <= s.maxOffset) return w;
  throw badRequest({
    [w.pageStyle ? "page" : "offset"]: [
      `Deeper than ${s.maxOffset} rows: use cursor pagination to go further (?cursor= starts it; each page's next link continues).`,
    ],
  });
}

/** next/previous links: the same request with the window moved. */
export function links(ctx: RequestContext, w: Window, count: number): { next: string | null; previous: string | null } {
  if (w.limit === null) return { next: null, previous: null };
  const limit = w.limit;
  const make = (offset: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(ctx.query)) {
      if (["limit", "offset", "page", "page_size"].includes(k)) continue;
      for (const x of Array.isArray(v) ? v : [v]) params.append(k, String(x));
    }
    if (w.pageStyle) {
      params.set("page", String(Math.floor(offset / limit) + 1));
      params.set("page_size", String(limit));
    } else {
      params.set("limit", String(limit));
      if (offset > 0) params.set("offset", String(offset));
    }
    return `${ctx.baseUrl}${ctx.path}?${params.toString()}`;
  };
  return {
    next: w.offset + limit < count ? make(w.offset + limit) : null,
    previous: w.offset > 0 ? make(Math.max(0, w.offset - limit)) : null,
  };
}
