import { z } from "zod";

/**
 * An object id as a request names it: a positive int32, like the `integer` id columns.
 * Bounded so that a larger number is a 400 naming its field, not a value the database
 * refuses ("out of range") after validation passed.
 */
export const objectId = () => z.number().int().positive().max(2147483647);
