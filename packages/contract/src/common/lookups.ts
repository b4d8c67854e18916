import { z } from "zod";
import { documentAs } from "./documented";
import { queryFamily, queryNetwork } from "./net";

/**
 * Filter lookups (`?name__icontains=web`) by field type. The table is the single
 * source for the server's SQL builder, OPTIONS metadata and the OpenAPI document.
 */
export const STRING_LOOKUPS = [
  "exact",
  "n",
  "iexact",
  "nie",
  "startswith",
  "istartswith",
  "endswith",
  "iendswith",
  "contains",
  "icontains",
  "in",
  "isnull",
] as const;
export const ORDERED_LOOKUPS = ["exact", "n", "lt", "lte", "gt", "gte", "in", "isnull"] as const;
export const CHOICE_LOOKUPS = ["exact", "n", "in", "isnull"] as const;
export const BOOL_LOOKUPS = ["exact", "isnull"] as const;
export const RELATION_LOOKUPS = ["exact", "n", "in", "isnull"] as const;
/** IP and CIDR fields: PostgreSQL's network operators (`<<`, `<<=`, `>>`, `>>=`) and `family()`. */
export const NET_LOOKUPS = [
  "exact",
  "n",
  "in",
  "isnull",
  "net_contained",
  "net_contained_or_equal",
  "net_contains",
  "net_contains_or_equals",
  "family",
] as const;
export const NET_OPERATORS = {
  net_contained: "<<",
  net_contained_or_equal: "<<=",
  net_contains: ">>",
  net_contains_or_equals: ">>=",
} as const;

export type Lookup =
  | (typeof STRING_LOOKUPS)[number]
  | (typeof ORDERED_LOOKUPS)[number]
  | (typeof CHOICE_LOOKUPS)[number]
  | (typeof NET_LOOKUPS)[number];

/** A lookup's parameter name: `exact` is the bare field name. */
export function paramName(field: string, lookup: Lookup): string {
  return lookup === "exact" ? field : `${field}__${lookup}`;
}

export const LOOKUP_DESCRIPTIONS: Record<Lookup, string> = {
  exact: "equals (repeat the parameter for OR)",
  n: "does not equal",
  iexact: "equals, ignoring case",
  nie: "does not equal, ignoring case",
  startswith: "starts with",
  istartswith: "starts with, ignoring case",
  endswith: "ends with",
  iendswith: "ends with, ignoring case",
  contains: "contains",
  icontains: "contains, ignoring case",
  lt: "less than",
  lte: "less than or equal",
  gt: "greater than",
  gte: "greater than or equal",
  in: "one of a comma-separated list",
  isnull: "is null (true) or is not null (false)",
  net_contained: "inside the network, not equal to it",
  net_contained_or_equal: "inside or equal to the network",
  net_contains: "contains the address or network, not equal to it",
  net_contains_or_equals: "contains or equals the address or network",
  family: "address family, 4 or 6",
};

const toArray = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

/**
 * Most values one query parameter may carry (repeats, `__in` list items, `tag`s):
 * every value is a condition in the statement, so an unbounded list is unbounded
 * work. The OpenAPI document states it as `maxItems`.
 */
export const MAX_PARAMETER_VALUES = 100;

/** Most `ordering` fields (sort keys; with a cursor, each is a term of the keyset condition). */
export const MAX_ORDERING_FIELDS = 10;

function tooMany(n: number, ctx: z.RefinementCtx): boolean {
  if (n <= MAX_PARAMETER_VALUES) return false;
  ctx.addIssue({
    code: z.ZodIssueCode.custom,
    message: `At most ${MAX_PARAMETER_VALUES} values per parameter (got ${n}).`,
  });
  return true;
}

/** One value or a repeated parameter (at most `MAX_PARAMETER_VALUES`); the server always sees an array. */
export function repeatable<T extends z.ZodTypeAny>(scalar: T) {
  return z.union([scalar, z.array(scalar)]).transform((v, ctx) => {
    const out = toArray(v) as z.output<T>[];
    return tooMany(out.length, ctx) ? z.NEVER : out;
  });
}

/** `a,b,c` (or repeated) → array of parsed scalars. */
export function commaList<T extends z.ZodTypeAny>(scalar: T) {
  return z.union([z.string(), z.array(z.string()), z.array(scalar)]).transform((v, ctx) => {
    const parts = toArray(v as string | string[])
      .flatMap((s) => String(s).split(","))
      .map((s) => s.trim())
      .filter((s) => s !== "");
    if (tooMany(parts.length, ctx)) return z.NEVER;
    const out: z.output<T>[] = [];
    for (const part of parts) {
      const r = scalar.safeParse(part);
      if (!r.success) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${part}" is not a valid value.` });
        return z.NEVER;
      }
      out.push(r.data);
    }
    return out;
  }) as unknown as z.ZodType<z.output<T>[], z.ZodTypeDef, string | z.input<T>[]>;
}

export const queryBoolean = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0", "True", "False", "yes", "no"])])
  .transform((v) => v === true || v === "true" || v === "1" || v === "True" || v === "yes");

/** The largest whole number a query parameter takes (PostgreSQL integer). */
export const INT32_MAX = 2147483647;

export const queryInt = z.coerce
  .number({ invalid_type_error: "A whole number is required." })
  .int("A whole number is required.")
  .min(-INT32_MAX - 1)
  .max(INT32_MAX);

export const queryNumber = z.coerce.number({ invalid_type_error: "A number is required." }).finite();

/**
 * A calendar date (RFC 3339 `full-date`, what the document's `format: date` means) that
 * PostgreSQL stores: `2024-02-30` and year 0 are refused here, not by the database.
 */
export const queryDate = documentAs(
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD.")
    .refine(isCalendarDate, "Enter a valid date."),
  { type: "string", format: "date" },
);

function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && !s.startsWith("0000");
}

export const queryDateTime = z
  .string()
  .refine(
    (s) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)),
    "Enter a valid ISO 8601 date/time.",
  )
  .transform(withinPostgresOffsets);

/**
 * RFC 3339 (`format: date-time`) allows offsets up to ±23:59, PostgreSQL only ±15:59: such an
 * instant is passed on in UTC, the same instant, its fraction of a second kept as written.
 */
function withinPostgresOffsets(s: string): string {
  const m = /^(.*?)(\.\d+)?([+-])(\d{2}):?(\d{2})$/.exec(s);
  if (!m || Number(m[4]) < 16) return s;
  const utc = new Date(`${m[1]}${m[3]}${m[4]}:${m[5]}`).toISOString().slice(0, 19);
  return `${utc}${m[2] ?? ""}Z`;
}

/**
 * The zod schema of one lookup's parameter, given the scalar schema of the field.
 * `in` takes a comma list, `isnull` a boolean, everything else one value or a
 * repeated parameter.
 */
export function lookupSchema(lookup: Lookup, scalar: z.ZodTypeAny): z.ZodTypeAny {
  if (lookup === "isnull") return queryBoolean;
  if (lookup === "in") return commaList(scalar);
  if (lookup === "family") return repeatable(queryFamily);
  if (lookup in NET_OPERATORS) return repeatable(queryNetwork);
  return repeatable(scalar);
}
