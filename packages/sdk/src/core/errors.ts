/**
 * Every failure the client reports is a RackplaneError. HTTP errors are mapped to
 * one class per status family so callers can `catch (e) { if (e instanceof
 * NotFoundError) … }`; transport failures have no status.
 */

/** DRF-shaped messages: field → messages (`non_field_errors` for the rest). */
export type FieldErrors<F extends string = string> = { [K in F | "non_field_errors"]?: string[] };

export interface ErrorInit {
  status?: number;
  body?: unknown;
  headers?: Headers;
  requestId?: string;
  cause?: unknown;
  /** The request that failed: method and full URL (named in the message too). */
  method?: string;
  url?: string;
}

export class RackplaneError extends Error {
  /** HTTP status; undefined when no response arrived (connection, timeout, abort). */
  readonly status: number | undefined;
  /** Parsed JSON body of the error response (or its text when not JSON). */
  readonly body: unknown;
  readonly headers: Headers;
  /** The `X-Request-ID` of the failed request: quote it when reporting a problem. */
  readonly requestId: string | undefined;
  /** Method and URL of the failed request (undefined for errors raised before sending). */
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(message: string, init: ErrorInit = {}) {
    super(
      init.method && init.url ? `${message} (${init.method} ${init.url})` : message,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.method = init.method;
    this.url = init.url;
    this.name = new.target.name;
    this.status = init.status;
    this.body = init.body;
    this.headers = init.headers ?? new Headers();
    this.requestId = init.requestId ?? this.headers.get("x-request-id") ?? undefined;
  }
}

/**
 * 400: the request was refused because of its content. `fieldErrors` maps field
 * names to messages; for bulk requests `itemErrors` holds one such map per item
 * (empty maps for items that were fine). Narrow `F` with `isBadRequest(err, resource)`.
 */
export class BadRequestError<F extends string = string> extends RackplaneError {
  declare readonly status: 400;
  readonly fieldErrors: FieldErrors<F>;
  readonly itemErrors: FieldErrors<F>[] | undefined;

  constructor(message: string, init: ErrorInit) {
    super(message, init);
    const body = init.body;
    this.itemErrors = Array.isArray(body) ? (body as FieldErrors<F>[]) : undefined;
    this.fieldErrors = (
      Array.isArray(body) ? {} : typeof body === "object" && body !== null ? body : { non_field_errors: [String(body)] }
    ) as FieldErrors<F>;
  }

  /** Messages for one field (`[]` when the field is fine). */
  messages(field: F | "non_field_errors"): string[] {
    const m = (this.fieldErrors as Record<string, unknown>)[field];
    return Array.isArray(m) ? m.map(String) : [];
  }
}

export class AuthenticationError extends RackplaneError {
  declare readonly status: 401;
}
export class PermissionDeniedError extends RackplaneError {
  declare readonly status: 403;
}
export class NotFoundError extends RackplaneError {
  declare readonly status: 404;
}
/** 409: a unique value is taken, or the object is still referenced. */
export class ConflictError extends RackplaneError {
  declare readonly status: 409;
}
export class RateLimitError extends RackplaneError {
  declare readonly status: 429;
}
export class InternalServerError extends RackplaneError {}

/** No HTTP response: DNS, refused connection, reset socket. */
export class ConnectionError extends RackplaneError {
  constructor(message = "Connection error.", init: ErrorInit = {}) {
    super(message, init);
  }
}
/** The request did not finish within its `timeout`. */
export class TimeoutError extends ConnectionError {
  constructor(message = "Request timed out.", init: ErrorInit = {}) {
    super(message, init);
  }
}
/** The caller's AbortSignal fired; never retried. */
export class AbortError extends RackplaneError {
  constructor(message = "Request was aborted.", init: ErrorInit = {}) {
    super(message, init);
  }
}

const byStatus: Record<number, typeof RackplaneError> = {
  400: BadRequestError as typeof RackplaneError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  429: RateLimitError,
};

/** The error class for an HTTP error response. */
export function errorFromResponse(
  status: number,
  body: unknown,
  headers: Headers,
  requestId?: string,
  request?: { method: string; url: string },
): RackplaneError {
  const Cls = byStatus[status] ?? (status >= 500 ? InternalServerError : RackplaneError);
  return new Cls(`${status} ${summary(body)}`, { status, body, headers, requestId, ...request });
}

function summary(body: unknown): string {
  if (typeof body === "object" && body !== null && !Array.isArray(body) && "detail" in body) {
    return String((body as { detail: unknown }).detail);
  }
  if (body === undefined || body === "") return "(no body)";
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
