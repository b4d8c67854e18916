import type { RawResult } from "./api-promise";
import { AbortError, ConnectionError, errorFromResponse, RackplaneError, TimeoutError } from "./errors";
import { type QueryInput, toSearchParams } from "./query";
import {
  type BackoffSettings,
  defaultBackoff,
  IDEMPOTENT_METHODS,
  isRetryableStatus,
  retryDelay,
  sleep,
} from "./retry";

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export interface ClientOptions {
  /** Server root, e.g. `http://127.0.0.1:8000` (default: `RACKPLANE_URL`, else that address). */
  baseUrl?: string;
  /** API token, sent as `Authorization: Token <token>` (default: `RACKPLANE_TOKEN`). */
  token?: string;
  /** Retries of idempotent requests after connection errors, 408, 429 and 5xx (default 2). */
  maxRetries?: number;
  /** Per-attempt timeout in ms (default 60 000). */
  timeout?: number;
  /** A fetch implementation (default: the global `fetch`). */
  fetch?: Fetch;
  /** Headers sent with every request. */
  defaultHeaders?: Record<string, string>;
  /** Backoff tuning: first delay, longest delay, longest honoured `Retry-After` (ms). */
  backoff?: Partial<BackoffSettings>;
}

export interface RequestOptions {
  /** Per-attempt timeout in ms for this request. */
  timeout?: number;
  /** Abort this request (and its retries). */
  signal?: AbortSignal;
  maxRetries?: number;
  headers?: Record<string, string>;
  /** `X-Request-ID` to send (a UUID); default: a new one, kept across retries. */
  requestId?: string;
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

/**
 * The transport every resource method goes through: URL building, auth header,
 * request ids, timeouts, retries and mapping of error responses to error classes.
 */
export class RackplaneCore {
  readonly baseUrl: string;
  readonly maxRetries: number;
  readonly timeout: number;
  readonly #token: string | undefined;
  readonly #fetch: Fetch;
  readonly #headers: Record<string, string>;
  readonly #backoff: BackoffSettings;

  constructor(opts: ClientOptions = {}) {
    const base = opts.baseUrl ?? env("RACKPLANE_URL") ?? "http://127.0.0.1:8000";
    // Accept the server root with or without `/api`: contract paths start with `/api/`.
    this.baseUrl = base.replace(/\/+$/, "").replace(/\/api$/, "");
    this.#token = opts.token ?? env("RACKPLANE_TOKEN");
    this.maxRetries = opts.maxRetries ?? 2;
    this.timeout = opts.timeout ?? 60_000;
    const f = opts.fetch ?? (globalThis.fetch as Fetch | undefined);
    if (!f) throw new RackplaneError("No fetch implementation: pass `fetch` in the client options.");
    this.#fetch = f;
    this.#headers = { ...opts.defaultHeaders };
    this.#backoff = { ...defaultBackoff, ...opts.backoff };
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
    const retryable = IDEMPOTENT_METHODS.has(method);
    const url = this.buildUrl(spec.path, spec.query);
    const headers: Record<string, string> = {
      accept: "application/json",
      ...(this.#token ? { authorization: `Token ${this.#token}` } : {}),
      ...this.#headers,
      ...o.headers,
      "x-request-id": requestId,
    };
    let body: string | undefined;
    if (spec.body !== undefined) {
      body = JSON.stringify(spec.body);
      headers["content-type"] = "application/json";
    }

    for (let attempt = 0; ; attempt++) {
      const canRetry = retryable && attempt < maxRetries;
      let result: RawResult | RackplaneError;
      try {
        result = await this.#attempt(url, { method, headers, body }, o, requestId);
      } catch (err) {
        if (!(err instanceof ConnectionError) || !canRetry) throw err;
        await this.#wait(retryDelay(attempt, undefined, this.#backoff), o.signal, requestId);
        continue;
      }
      if (!(result instanceof RackplaneError)) return result;
      if (!canRetry || result.status === undefined || !isRetryableStatus(result.status)) throw result;
      await this.#wait(retryDelay(attempt, result.headers, this.#backoff), o.signal, requestId);
    }
  }

  async #wait(ms: number, signal: AbortSignal | undefined, requestId: string) {
    try {
      await sleep(ms, signal);
    } catch (cause) {
      throw new AbortError(undefined, { cause, requestId });
    }
  }

  /** One HTTP exchange under its own timeout; an error response is returned, a transport failure thrown. */
  async #attempt(
    url: string,
    init: { method: string; headers: Record<string, string>; body: string | undefined },
    o: RequestOptions,
    requestId: string,
  ): Promise<RawResult | RackplaneError> {
    const timeout = o.timeout ?? this.timeout;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    const onAbort = () => controller.abort();
    if (o.signal?.aborted) throw new AbortError(undefined, { cause: o.signal.reason, requestId });
    o.signal?.addEventListener("abort", onAbort, { once: true });
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
      if (!response.ok) return errorFromResponse(response.status, parsed, response.headers, rid);
      return { response, body: parsed, requestId: rid };
    } catch (cause) {
      if (o.signal?.aborted) throw new AbortError(undefined, { cause, requestId });
      if (timedOut) throw new TimeoutError(`Request timed out after ${timeout} ms.`, { cause, requestId });
      throw new ConnectionError(`Connection error: ${(cause as Error)?.message ?? cause}`, { cause, requestId });
    } finally {
      clearTimeout(timer);
      o.signal?.removeEventListener("abort", onAbort);
    }
  }
}
