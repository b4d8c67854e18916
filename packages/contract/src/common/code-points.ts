import { z } from "zod";

/**
 * A string's length bounds counted in code points, as JSON Schema's minLength/maxLength and
 * PostgreSQL's varchar(n) count them; zod's own `.min()`/`.max()` count UTF-16 units, so an
 * emoji counted twice and a value the document allows ("😍" × 20 under maxLength 20) was refused.
 * The bounds move from zod's checks into one refinement; the original schema stays registered
 * so the document is still generated from its checks.
 */
const counted = new WeakMap<z.ZodTypeAny, z.ZodString>();

const BOUNDS = new Set(["min", "max", "length"]);

export function countingCodePoints(s: z.ZodString): z.ZodEffects<z.ZodString> {
  const bounds = s._def.checks.filter((c) => BOUNDS.has(c.kind));
  const rest = new z.ZodString({ ...s._def, checks: s._def.checks.filter((c) => !BOUNDS.has(c.kind)) });
  const out = rest.superRefine((value, ctx) => {
    const n = [...value].length;
    for (const c of bounds) {
      if (c.kind === "min" && n < c.value)
        ctx.addIssue({
          code: "too_small",
          minimum: c.value,
          type: "string",
          inclusive: true,
          message: c.message ?? `String must contain at least ${c.value} character(s)`,
        });
      if (c.kind === "max" && n > c.value)
        ctx.addIssue({
          code: "too_big",
          maximum: c.value,
          type: "string",
          inclusive: true,
          message: c.message ?? `String must contain at most ${c.value} character(s)`,
        });
      if (c.kind === "length" && n !== c.value)
        ctx.addIssue({
          code: n < c.value ? "too_small" : "too_big",
          ...(n < c.value ? { minimum: c.value } : { maximum: c.value }),
          type: "string",
          inclusive: true,
          exact: true,
          message: c.message ?? `String must contain exactly ${c.value} character(s)`,
        } as z.IssueData);
    }
  });
  counted.set(out, s);
  return out;
}

/** The schema whose checks the document describes, for one made by `countingCodePoints`. */
export const countedFrom = (schema: z.ZodTypeAny): z.ZodString | undefined => counted.get(schema);
