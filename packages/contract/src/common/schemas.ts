import { z } from "zod";
import { objectId } from "./object-id";

/** Every nested related object carries these three, plus a few identifying fields. */
export const NestedBase = z
  .object({
    id: z.number().int(),
    url: z.string().url(),
    display: z.string(),
  })
  .passthrough();

/**
 * DRF-shaped validation error: field name → messages, `non_field_errors` for the
 * rest; nested objects for nested payloads; a list of such objects for bulk.
 */
export type FieldErrors = { [field: string]: string[] | FieldErrors | FieldErrors[] };
export const FieldErrors: z.ZodType<FieldErrors> = z.lazy(() =>
  z.record(z.union([z.array(z.string()), FieldErrors, z.array(FieldErrors)])),
);

/**
 * `{"detail": "..."}` — every error that is not about fields. A bulk request's 404
 * (an id that does not exist) or 409 (a duplicate, a referenced object) also has
 * `items`: one error object per item sent, `{}` for the items that were fine.
 */
export const ErrorDetail = z.object({ detail: z.string(), items: z.array(FieldErrors).optional() });
export type ErrorDetail = z.infer<typeof ErrorDetail>;
export const ValidationError = z.union([FieldErrors, z.array(FieldErrors)]);

export function paginated<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    count: z.number().int(),
    next: z.string().url().nullable(),
    previous: z.string().url().nullable(),
    results: z.array(item),
  });
}

export const IdOnly = z.object({ id: objectId() }).strict();

/** Responses every operation may give besides its success. */
export const commonErrors = {
  400: ValidationError,
  401: ErrorDetail,
  403: ErrorDetail,
  404: ErrorDetail,
  406: ErrorDetail,
  415: ErrorDetail,
  429: ErrorDetail,
} as const;

/**
 * What a write may also answer because of its `Idempotency-Key` (headers.ts): 409 while
 * the first request with the key still runs, 422 when the key was used for another request.
 */
export const idempotentWriteErrors = { 409: ErrorDetail, 422: ErrorDetail } as const;
