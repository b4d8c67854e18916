import { ErrorDetail, ValidationError } from "../common/schemas";

/**
 * Error responses the server sends, as `components.responses`, keyed by status.
 * Every response (these and the successes) carries `X-Request-ID` and `API-Version`.
 */
export const STANDARD_HEADERS = {
  "X-Request-ID": { $ref: "#/components/headers/X-Request-ID" },
  "API-Version": { $ref: "#/components/headers/API-Version" },
};

export const HEADERS = {
  "X-Request-ID": {
    description: "The request id: yours if you sent a valid UUID, otherwise a new one.",
    schema: { type: "string", format: "uuid" },
  },
  "API-Version": { description: "The API version that served the request.", schema: { type: "string" } },
  "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "integer" } },
  Allow: { description: "The methods the path accepts.", schema: { type: "string" } },
  "WWW-Authenticate": { description: "The accepted authentication schemes.", schema: { type: "string" } },
  "Idempotent-Replayed": {
    description:
      "`true` when this is the stored response of an earlier request with the same `Idempotency-Key` (nothing ran again); absent otherwise.",
    schema: { type: "string", enum: ["true"] },
  },
  ETag: {
    description: "Version of the representation: send it back in `If-None-Match` (reads) or `If-Match` (writes).",
    schema: { type: "string" },
  },
};

const error = { $ref: "#/components/schemas/Error" };

function response(description: string, schema: unknown, extra: Record<string, unknown> = {}) {
  return {
    description,
    headers: { ...STANDARD_HEADERS, ...extra },
    content: { "application/json": { schema } },
  };
}

const retryAfter = { "Retry-After": { $ref: "#/components/headers/Retry-After" } };

/** status → [component name, response object] */
export const ERROR_RESPONSES: Record<number, [string, Record<string, unknown>]> = {
  400: [
    "BadRequest",
    response(
      "Invalid input: field name → messages (`non_field_errors` for the rest), or `detail` for a body that is not JSON.",
      { $ref: "#/components/schemas/ValidationError" },
    ),
  ],
  401: [
    "Unauthorized",
    response("Missing or invalid credentials.", error, {
      "WWW-Authenticate": { $ref: "#/components/headers/WWW-Authenticate" },
    }),
  ],
  403: ["Forbidden", response("Authenticated, but not allowed (read-only token, missing scope).", error)],
  404: ["NotFound", response("No such object (or one the caller may not see).", error)],
  405: [
    "MethodNotAllowed",
    response("The path does not accept this method; `Allow` lists those it does.", error, {
      Allow: { $ref: "#/components/headers/Allow" },
    }),
  ],
  406: ["NotAcceptable", response("The API version asked for in `Accept` is not supported.", error)],
  409: ["Conflict", response("Conflict: a unique value is taken, or the object is still referenced.", error)],
  422: [
    "IdempotencyKeyReused",
    response("The `Idempotency-Key` was already used for a different request (method, path or body).", error),
  ],
  412: [
    "PreconditionFailed",
    response("`If-Match` does not name the current ETag: the object changed since you read it.", error),
  ],
  413: ["PayloadTooLarge", response("The request body is larger than the server accepts.", error)],
  415: ["UnsupportedMediaType", response("The body is not JSON.", error)],
  // Node's HTTP parser answers this itself, before any middleware: no body, no headers of ours.
  431: [
    "RequestHeaderFieldsTooLarge",
    {
      description:
        "The request line and headers together are larger than the server reads (16 KiB by default): a very long query string or header. Nothing ran.",
    },
  ],
  429: ["TooManyRequests", response("Rate limit exceeded; retry after `Retry-After` seconds.", error, retryAfter)],
  500: ["InternalServerError", response("Unexpected error; the request id is in `X-Request-ID`.", error)],
  503: [
    "ServiceUnavailable",
    response("The database is unavailable; retry after `Retry-After` seconds.", error, retryAfter),
  ],
};

/** Whether a contract's error schema is one the standard responses already describe. */
export const isStandardErrorSchema = (s: unknown) => s === ErrorDetail || s === ValidationError;

/** The 400 of a bulk operation: one error object per item, or one for the whole body. */
export const BULK_BAD_REQUEST: [string, Record<string, unknown>] = [
  "BulkBadRequest",
  response(
    "Invalid input: an array with one `ValidationError` object per item (`{}` for the valid ones), or one `ValidationError` object when the body as a whole is refused (not an array, too many items).",
    { $ref: "#/components/schemas/BulkValidationError" },
  ),
];
