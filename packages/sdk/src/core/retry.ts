/**
 * When and how long to wait before trying again. Idempotent methods are retried
 * on connection errors, 408, 429 and 5xx. A POST or PATCH whose response was lost
 * may already have been applied, so it is retried only when it carries an
 * `Idempotency-Key` (the server then replays instead of running it twice), and only
 * when the request surely did not run or is safe to repeat: connection errors, 429, 503.
 */

export const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
/** Writes the client gives an `Idempotency-Key` when it may retry them. */
export const KEYED_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** 408 timeout, 429 rate limit, 5xx server/proxy trouble: worth another try. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Whether an attempt that failed with `status` (undefined: no response) may be tried again. */
export function mayRetry(method: string, hasIdempotencyKey: boolean, status: number | undefined): boolean {
  if (IDEMPOTENT_METHODS.has(method)) return status === undefined || isRetryableStatus(status);
  if (!hasIdempotencyKey) return false;
  return status === undefined || status === 429 || status === 503;
}

export interface BackoffSettings {
  /** First delay in ms (doubled per attempt). */
  initialDelay: number;
  /** Longest computed delay in ms. */
  maxDelay: number;
  /** Longest `Retry-After` the client honours, in ms; longer values are capped. */
  maxRetryAfter: number;
}

export const defaultBackoff: BackoffSettings = { initialDelay: 500, maxDelay: 8_000, maxRetryAfter: 60_000 };

/**
 * Exponential backoff with jitter: attempt 0 → ~0.5 s, 1 → ~1 s, 2 → ~2 s …,
 * each reduced by up to 25 % at random so many clients do not retry in lockstep.
 */
export function backoffDelay(attempt: number, s: BackoffSettings = defaultBackoff, random = Math.random): number {
  const base = Math.min(s.initialDelay * 2 ** attempt, s.maxDelay);
  return Math.round(base * (1 - 0.25 * random()));
}

/** `Retry-After` (seconds or HTTP date) or `Retry-After-Ms`, in ms; undefined when absent or unparsable. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const v = headers.get("retry-after");
  if (!v) return undefined;
  if (/^\d+(\.\d+)?$/.test(v.trim())) return Number(v) * 1000;
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Delay before the next attempt: the server's `Retry-After` (capped) when given, else backoff. */
export function retryDelay(attempt: number, headers: Headers | undefined, s: BackoffSettings = defaultBackoff): number {
  const after = headers ? retryAfterMs(headers) : undefined;
  if (after !== undefined) return Math.min(after, s.maxRetryAfter);
  return backoffDelay(attempt, s);
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
