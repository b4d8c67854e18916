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

/**
 * A string's pattern as the document states it, where the zod pattern is only its shape and
 * the server checks more against data known once every resource is defined (a permission's
 * `object_types` name resources of the registry: index.ts). The document states the exact set.
 */
const patterns = new WeakMap<z.ZodTypeAny, string>();

export function documentPattern<T extends z.ZodTypeAny>(schema: T, pattern: string): T {
  patterns.set(schema, pattern);
  return schema;
}

export const documentedPattern = (schema: z.ZodTypeAny): string | undefined => patterns.get(schema);
