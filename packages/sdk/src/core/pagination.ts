import { APIPromise, type RawResult } from "./api-promise";

export interface PageBody<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/** The item walk behind `for await` and `toArray()`; a symbol, so it stays out of the public API. */
const WALK = Symbol("walk");

/**
 * One page of a list (`count`, `next`, `previous`, `results`) that is also an
 * async iterable over every item of the list, fetching the following pages
 * lazily: only one page is held in memory at a time.
 */
export class Page<T> implements PageBody<T>, AsyncIterable<T> {
  readonly count: number;
  readonly next: string | null;
  readonly previous: string | null;
  readonly results: T[];
  readonly requestId: string;
  readonly response: Response;
  readonly #fetch: (query: URLSearchParams) => Promise<RawResult>;
  /** The page size item iteration asks for after this page; undefined: the caller chose one (kept). */
  readonly #iterationSize: number | undefined;

  constructor(raw: RawResult, fetchPage: (query: URLSearchParams) => Promise<RawResult>, iterationSize?: number) {
    const body = raw.body as PageBody<T>;
    this.count = body.count;
    this.next = body.next;
    this.previous = body.previous;
    this.results = body.results;
    this.requestId = raw.requestId;
    this.response = raw.response;
    this.#fetch = fetchPage;
    this.#iterationSize = iterationSize;
  }

  hasNextPage(): boolean {
    return this.next !== null;
  }

  /** The following page; throws when there is none (check `hasNextPage()`). */
  async getNextPage(): Promise<Page<T>> {
    if (!this.next) throw new Error("No next page; check hasNextPage() first.");
    return new Page<T>(await this.#fetch(new URL(this.next).searchParams), this.#fetch, this.#iterationSize);
  }

  /** This page and every following one, one request per page. */
  async *iterPages(): AsyncGenerator<Page<T>> {
    let page: Page<T> = this;
    yield page;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      yield page;
    }
  }

  /**
   * Every item of this page and the following ones. Only the URL of the next page
   * is kept while it is fetched, so the page just walked can be collected: memory
   * holds one page at a time, not two. When the call gave no page size, the pages
   * after the first are asked for at `iterationPageSize` (the caller sees items, not pages).
   */
  [Symbol.asyncIterator](): AsyncGenerator<T> {
    return this[WALK]();
  }

  /** The walk, for at most `want` items: no page asks for more than are still wanted. */
  async *[WALK](want = Number.POSITIVE_INFINITY): AsyncGenerator<T> {
    yield* this.results;
    let left = want - this.results.length;
    let next = this.next;
    while (next && left > 0) {
      const page = new Page<T>(await this.#fetch(this.#iterationQuery(next, left)), this.#fetch, this.#iterationSize);
      next = page.next;
      left -= page.results.length;
      yield* page.results;
    }
  }

  /** The next link's query, with the iteration page size (at most `left`) when the caller chose none. */
  #iterationQuery(next: string, left: number): URLSearchParams {
    const query = new URL(next).searchParams;
    // Offset and cursor links carry `limit`; a `page` number means a position only with its
    // own `page_size`, so such links stay as they are.
    if (this.#iterationSize !== undefined && query.has("limit") && !query.has("page"))
      query.set("limit", String(Math.min(this.#iterationSize, left)));
    return query;
  }

  /** The items of this page and the following ones, at most `limit` (fetching no page beyond it). */
  async toArray(opts: { limit?: number } = {}): Promise<T[]> {
    return collect(this[WALK](opts.limit), opts.limit);
  }

  /** The page's fields only, without methods or the request id. */
  toJSON(): PageBody<T> {
    return { count: this.count, next: this.next, previous: this.previous, results: this.results };
  }
}

/**
 * What `list()` returns: await it for the first page, or iterate it directly —
 * `for await (const s of rp.dcim.servers.list())` — to walk every item.
 */
export class PagePromise<T> extends APIPromise<Page<T>> implements AsyncIterable<T> {
  [Symbol.asyncIterator](): AsyncGenerator<T> {
    return walk(this);
  }

  /** Every item of the list (all pages), or the first `limit`: `await rp.dcim.servers.list().toArray({ limit: 500 })`. */
  async toArray(opts: { limit?: number } = {}): Promise<T[]> {
    return collect(walk(this, opts.limit), opts.limit);
  }
}

async function* walk<T>(first: PromiseLike<Page<T>>, want?: number): AsyncGenerator<T> {
  yield* (await first)[WALK](want);
}

async function collect<T>(items: AsyncIterable<T>, limit = Number.POSITIVE_INFINITY): Promise<T[]> {
  const out: T[] = [];
  if (limit <= 0) return out;
  for await (const item of items) {
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}

export function pagePromise<T>(
  first: Promise<RawResult>,
  fetchPage: (query: URLSearchParams) => Promise<RawResult>,
  iterationSize?: number,
): PagePromise<T> {
  return new PagePromise<T>(first, (raw) => new Page<T>(raw, fetchPage, iterationSize));
}
