import { MAX_PAGE_SIZE } from "@rackplane/contract";
import { VERSION } from "../version";
import type { RawResult } from "./api-promise";
import { AbortError, ConnectionError, errorFromResponse, RackplaneError, TimeoutError } from "./errors";
import { type Logger, type LogLevel, makeLog } from "./log";
import { type QueryInput, toSearchParams } from "./query";
import { type BackoffSettings, defaultBackoff, KEYED_METHODS, mayRetry, retryDelay, sleep } from "./retry";

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** What `onRequest` sees before each attempt; it may change `headers`. */
export interface RequestInfo {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** 0 for the first attempt. */
  attempt: number;
  requestId: string;
}

/** What `onResponse` sees after each attempt that got a response (errors included). */
export interface ResponseInfo {
  method: string;
  url: string;
  status: number;
  response: Response;
  attempt: number;
  requestId: string;
  durationMs: number;
}

export interface ClientOptions {
  /** Server root, e.g. `http://127.0.0.1:8000` (default: `RACKPLANE_URL`, else that address). */
  baseUrl?: string;
  /** API token, sent as `Authorization: Token <token>` (default: `RACKPLANE_TOKEN`). */
  token?: string;
  /**
   * Retries after connection errors, 408, 429 and 5xx (default 2). Reads, PUT and DELETE
   * are retried; POST and PATCH only with an `Idempotency-Key` (sent automatically), and
   * only after connection errors, 429 and 503.
   */
  maxRetries?: number;
  /** Overall timeout in ms of one call: every attempt and every wait between them (default 60 000). */
  timeout?: number;
  /** Timeout in ms of a single attempt (default: `timeout`). */
  attemptTimeout?: number;
  /** A fetch implementation (default: the global `fetch`). */
  fetch?: Fetch;
  /** Headers sent with every request. */
  defaultHeaders?: Record<string, string>;
  /** Backoff tuning: first delay, longest delay, longest honoured `Retry-After` (ms). */
  backoff?: Partial<BackoffSettings>;
  /** Called before every attempt (may change `headers`); awaited. */
  onRequest?: (request: RequestInfo) => void | Promise<void>;
  /** Called after every attempt that got a response; awaited. */
  onResponse?: (response: ResponseInfo) => void | Promise<void>;
  /**
   * `debug` logs every attempt, `info` retries too, `warn` (default) and `error` only
   * problems, `off` nothing. Default: `RACKPLANE_LOG`, else `warn`.
   */
  logLevel?: LogLevel;
  /** Where log lines go (default: `console`). */
  logger?: Logger;
  /**
   * Page size that walking a list item by item (`for await`, `toArray()`) asks for after the
   * first page when the call gave no `limit` or `page_size` (default 1,000, the server's default
   * maximum; a server configured lower caps it; `toArray({ limit })` asks for no more than it
   * still needs). An explicit `limit` is used for every page;
   * `getNextPage()` and `iterPages()` follow the server's `next` links as they are.
   */
  iterationPageSize?: number;
}

/**
 * Without it a walk goes at the server's default page size (50): 2,000 requests for 100,000
 * items, twice the time and 2.3x the RSS growth of pages of 1,000 (23 s and 124 MB against
 * 10.6 s and 53 MB). Growth falls as pages get larger (250: 66 MB, 500: 55, 1,000: 52): each
 * request leaves fetch's objects for V8 to collect, while a parsed page of 1,000 is only
 * ≈ 1.4 MB of heap (bench/RESULTS.md, "SDK iteration and 100k bulk, re-measured"). The
 * server also keeps a prepared plan for pages of exactly its default and maximum size.
 */
export const DEFAULT_ITERATION_PAGE_SIZE = MAX_PAGE_SIZE;

export interface RequestOptions {
  /** Overall timeout in ms for this call (attempts and waits). */
  timeout?: number;
  /** Timeout in ms of each attempt of this call. */
  attemptTimeout?: number;
  /** Abort this request (and its retries). */
  signal?: AbortSignal;
  maxRetries?: number;
  headers?: Record<string, string>;
  /** `X-Request-ID` to send (a UUID); default: a new one, kept across retries. */
  requestId?: string;
  /**
   * `Idempotency-Key` for a write; default: a new UUID, kept across retries, whenever the
   * call may be retried. Pass your own to make a retry after a crash of your program safe.
   */
  idempotencyKey?: string;
}

export interface RequestSpec {
  method: string;
  /** Path from the server root, e.g. `/api/dcim/servers/12/`. */
  path: string;
  query?: QueryInput;
  body?: unknown;
  options?: RequestOptions;
}

const env = (name: string): string | undefined =>
  typeof process !== "undefined" && process.env ? process.env[name] || undefined : undefined;

/** `rackplane-sdk/0.1.0 node/20.19.0` (the runtime part only where there is one to name). */
export function userAgent(): string {
  const node = typeof process !== "undefined" ? process.versions?.node : undefined;
  return `rackplane-sdk/${VERSION}${node ? ` node/${node}` : ""}`;
}

/**
 * The transport every resource method goes through: URL building, auth header,
 * request ids, idempotency keys, timeouts, retries, hooks, logging and mapping of
 * error responses to error classes.
 */
export class RackplaneCore {
  readonly baseUrl: string;
  readonly maxRetries: number;
  readonly timeout: number;
  readonly attemptTimeout: number;
  readonly iterationPageSize: number;
  readonly #token: string | undefined;
  readonly #fetch: Fetch;
  readonly #headers: Record<string, string>;
  readonly #backoff: BackoffSettings;
  readonly #hooks: Pick<ClientOptions, "onRequest" | "onResponse">;
  readonly #log: ReturnType<typeof makeLog>;

  constructor(opts: ClientOptions = {}) {
    const base = opts.baseUrl ?? env("RACKPLANE_URL") ?? "http://127.0.0.1:8000";
    // Accept the server root with or without `/api`: contract paths start with `/api/`.
    this.baseUrl = base.replace(/\/+$/, "").replace(/\/api$/, "");
    this.#token = opts.token ?? env("RACKPLANE_TOKEN");
    this.maxRetries = opts.maxRetries ?? 2;
    this.timeout = opts.timeout ?? 60_000;
    this.attemptTimeout = opts.attemptTimeout ?? this.timeout;
    this.iterationPageSize = opts.iterationPageSize ?? DEFAULT_ITERATION_PAGE_SIZE;
    if (!Number.isInteger(this.iterationPageSize) || this.iterationPageSize < 1)
      throw new RackplaneError(`iterationPageSize must be a positive integer, not ${opts.iterationPageSize}.`);
    const f = opts.fetch ?? (globalThis.fetch as Fetch | undefined);
    if (!f) throw new RackplaneError("No fetch implementation: pass `fetch` in the client options.");
    this.#fetch = f;
    this.#headers = { ...opts.defaultHeaders };
    this.#backoff = { ...defaultBackoff, ...opts.backoff };
    this.#hooks = { onRequest: opts.onRequest, onResponse: opts.onResponse };
    this.#log = makeLog(opts.logLevel ?? (env("RACKPLANE_LOG") as LogLevel | undefined) ?? "warn", opts.logger);
  }

  buildUrl(path: string, query?: QueryInput): string {
    const qs = toSearchParams(query).toString();
    return `${this.baseUrl}${path}${qs ? `?${qs}` : ""}`;
  }

  /** Sends one logical request, retrying as configured; resolves with the parsed body or throws a RackplaneError. */
  async request(spec: RequestSpec): Promise<RawResult> {
    const o = spec.options ?? {};
    const method = spec.method.toUpperCase();
    const requestId = o.requestId ?? crypto.randomUUID();
    const maxRetries = o.maxRetries ?? this.maxRetries;
    const url = this.buildUrl(spec.path, spec.query);
    const headers: Record<string, string> = {
      accept: "application/json",
      "user-agent": userAgent(),
      ...(this.#token ? { authorization: `Token ${this.#token}` } : {}),
      ...this.#headers,
      ...o.headers,
      "x-request-id": requestId,
    };
    // One key for every attempt of a write that may be retried: the server runs it once.
    const given = o.idempotencyKey ?? headers["idempotency-key"];
    if (given) headers["idempotency-key"] = given;
    else if (KEYED_METHODS.has(method) && maxRetries > 0) headers["idempotency-key"] = crypto.randomUUID();
    const hasKey = headers["idempotency-key"] !== undefined;
    let body: string | undefined;
    if (spec.body !== undefined) {
      body = JSON.stringify(spec.body);
      headers["content-type"] = "application/json";
    }
    const timeout = o.timeout ?? this.timeout;
    const deadline = Date.now() + timeout;
    const where = { method, url };

    for (let attempt = 0; ; attempt++) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new TimeoutError(`Request timed out after ${timeout} ms (${attempt} attempts).`, { requestId, ...where });
      }
      let result: RawResult | RackplaneError;
      const attemptTimeout = Math.min(o.attemptTimeout ?? this.attemptTimeout, remaining);
      try {
        const h = { ...headers };
        await this.#hooks.onRequest?.({ method, url, headers: h, body, attempt, requestId });
        this.#log.debug(`→ ${method} ${url}${attempt ? ` (attempt ${attempt + 1})` : ""}`);
        result = await this.#attempt(url, { method, headers: h, body }, o, requestId, attemptTimeout, attempt);
      } catch (err) {
        // The overall deadline cut this attempt short: no time is left for another.
        if (err instanceof TimeoutError && Date.now() >= deadline) {
          throw new TimeoutError(`Request timed out after ${timeout} ms (${attempt + 1} attempts).`, {
            requestId,
            cause: err,
            ...where,
          });
        }
        if (!(err instanceof ConnectionError) || attempt >= maxRetries || !mayRetry(method, hasKey, undefined))
          throw err;
        await this.#wait(
          retryDelay(attempt, undefined, this.#backoff),
          [deadline, timeout],
          err,
          o.signal,
          requestId,
          attempt,
        );
        continue;
      }
      if (!(result instanceof RackplaneError)) return result;
      if (attempt >= maxRetries || !mayRetry(method, hasKey, result.status)) throw result;
      await this.#wait(
        retryDelay(attempt, result.headers, this.#backoff),
        [deadline, timeout],
        result,
        o.signal,
        requestId,
        attempt,
      );
    }
  }

  /** Waits before the next attempt, or gives up with `last` when the wait would outlast the overall timeout. */
  async #wait(
    ms: number,
    [deadline, timeout]: [number, number],
    last: RackplaneError,
    signal: AbortSignal | undefined,
    requestId: string,
    attempt: number,
  ) {
    if (Date.now() + ms >= deadline) {
      this.#log.info(`not retrying ${last.method} ${last.url}: waiting ${ms} ms would pass the timeout`);
      // An HTTP error says most as it is; without a response, the budget is what ran out.
      if (!(last instanceof ConnectionError)) throw last;
      throw new TimeoutError(`Request timed out after ${timeout} ms (${attempt + 1} attempts).`, {
        cause: last,
        requestId,
        method: last.method,
        url: last.url,
      });
    }
    this.#log.info(`retrying ${last.method} ${last.url} in ${ms} ms (attempt ${attempt + 2}) after: ${last.message}`);
    try {
      await sleep(ms, signal);
    } catch (cause) {
      throw new AbortError(undefined, { cause, requestId, method: last.method, url: last.url });
    }
  }

  /** One HTTP exchange under its own timeout; an error response is returned, a transport failure thrown. */
  async #attempt(
    url: string,
    init: { method: string; headers: Record<string, string>; body: string | undefined },
    o: RequestOptions,
    requestId: string,
    timeout: number,
    attempt: number,
  ): Promise<RawResult | RackplaneError> {
    const where = { method: init.method, url };
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    const onAbort = () => controller.abort();
    if (o.signal?.aborted) throw new AbortError(undefined, { cause: o.signal.reason, requestId, ...where });
    o.signal?.addEventListener("abort", onAbort, { once: true });
    const started = Date.now();
    try {
      const response = await this.#fetch(url, { ...init, signal: controller.signal, redirect: "follow" });
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = text;
      }
      const rid = response.headers.get("x-request-id") ?? requestId;
      const durationMs = Date.now() - started;
      this.#log.debug(`← ${response.status} ${init.method} ${url} in ${durationMs} ms`);
      await this.#hooks.onResponse?.({
        ...where,
        status: response.status,
        response,
        attempt,
        requestId: rid,
        durationMs,
      });
      if (!response.ok) return errorFromResponse(response.status, parsed, response.headers, rid, where);
      return { response, body: parsed, requestId: rid };
    } catch (cause) {
      if (cause instanceof RackplaneError) throw cause;
      if (o.signal?.aborted) throw new AbortError(undefined, { cause, requestId, ...where });
      if (timedOut) throw new TimeoutError(`Request timed out after ${timeout} ms.`, { cause, requestId, ...where });
      throw new ConnectionError(`Connection error: ${describeCause(cause)}`, { cause, requestId, ...where });
    } finally {
      clearTimeout(timer);
      o.signal?.removeEventListener("abort", onAbort);
    }
  }
}

/** `fetch failed` says little: name the underlying cause too (`ECONNREFUSED 127.0.0.1:1`). */
function describeCause(cause: unknown): string {
  const e = cause as { message?: string; cause?: { code?: string; message?: string } } | undefined;
  const inner = e?.cause?.code ?? e?.cause?.message;
  const msg = e?.message ?? String(cause);
  return inner && !msg.includes(inner) ? `${msg}: ${inner}` : msg;
}
