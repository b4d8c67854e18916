/** The API version this contract describes; sent as `API-Version` on every response. */
export const API_VERSION = "1";
/** Versions a client may ask for with `Accept: application/json; version=N`. */
export const SUPPORTED_VERSIONS = ["1"] as const;
export const REQUEST_ID_HEADER = "x-request-id";
export const API_VERSION_HEADER = "api-version";
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;
/**
 * The deepest `offset` a list answers by default (RACKPLANE_MAX_OFFSET; deeper is a 400 pointing
 * at `cursor`). The server's default and the document's `maximum` both come from here.
 */
export const DEFAULT_MAX_OFFSET = 100_000;

/**
 * `Idempotency-Key` on POST/PUT/PATCH/DELETE (Stripe semantics): the first request
 * with a key runs and its response is stored for IDEMPOTENCY_KEY_TTL_HOURS; the same key
 * with the same method, path and body gets that response again, marked with
 * `Idempotent-Replayed: true`; the same key with a different request is a 422; while
 * the first is still running a repeat waits for it (then 409 with `Retry-After`).
 * Keys are per caller. The server, the SDK and the document read them from here.
 */
export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";
export const IDEMPOTENT_REPLAYED_HEADER = "idempotent-replayed";
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;
/**
 * Printable ASCII, no space at either end: HTTP drops a header value's surrounding
 * whitespace, so those keys could never arrive as sent. Length is checked separately.
 */
export const IDEMPOTENCY_KEY_PATTERN = "^[\\x21-\\x7e](?:[\\x20-\\x7e]*[\\x21-\\x7e])?$";
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;
export const IDEMPOTENT_METHODS_WITH_KEY = ["POST", "PUT", "PATCH", "DELETE"] as const;
export const IDEMPOTENCY_KEY_DESCRIPTION =
  "A unique key (1-255 printable ASCII characters, no space at either end; e.g. a UUID) that makes retrying this write safe: " +
  "the same key with the same request within 24 hours returns the stored response (with " +
  "`Idempotent-Replayed: true`) instead of running it again; the same key with a different request is a 422.";
