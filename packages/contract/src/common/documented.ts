import type { z } from "zod";

/**
 * What a refined or transformed zod schema accepts, as JSON Schema, where the zod base
 * type alone says too little (`z.string().transform(parseIp)` is "a string" to zod). The
 * OpenAPI generator reads it, so the document states what the server parses, from the
 * schema that parses it.
 */
const documented = new WeakMap<z.ZodTypeAny, Record<string, unknown>>();

export function documentAs<T extends z.ZodTypeAny>(schema: T, json: Record<string, unknown>): T {
  documented.set(schema, json);
  return schema;
}

export const documentedAs = (schema: z.ZodTypeAny): Record<string, unknown> | undefined => documented.get(schema);
