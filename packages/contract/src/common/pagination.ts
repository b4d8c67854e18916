import { z } from "zod";
import { queryInt } from "./lookups";

/**
 * The pagination parameters of every paginated list: a resource's own list and a list under
 * an object (`/api/dcim/servers/<id>/firmwares/`, `/api/discovery/auth-profiles/<id>/credentials/`)
 * alike. One declaration, so every list takes the same parameters with the same bounds (the
 * server answers each with the same window, framework/pagination.ts), and the document
 * describes them once: openapi/parameters.ts recognises these schemas by identity and refers
 * to its shared parameters (offset's maximum, limit's int32 bound…), whichever list has them.
 */
export const PAGINATION = {
  limit: queryInt.pipe(z.number().min(0, "Must be 0 or more.")).optional(),
  offset: queryInt.pipe(z.number().min(0, "Must be 0 or more.")).optional(),
  page: queryInt.pipe(z.number().min(1, "Pages start at 1.")).optional(),
  page_size: queryInt.pipe(z.number().min(1, "Must be 1 or more.")).optional(),
  cursor: z
    .string()
    .max(4000)
    .optional()
    .describe(
      "Keyset pagination: empty for the first page, then the `cursor` of the `next` link. Same cost at any depth; stable under inserts and deletes.",
    ),
} as const;

export type PaginationParam = keyof typeof PAGINATION;
export const PAGINATION_PARAMS = Object.keys(PAGINATION) as PaginationParam[];

/** The query of a list under an object: pagination only (its rows are the object's, unfiltered). */
export const paginationQuery = z.object(PAGINATION).strict();
