import { setImmediate as nextTurn } from "node:timers/promises";
import type { FieldErrors } from "@rackplane/contract";
import { z } from "zod";
import { zodToFieldErrors } from "../framework/errors";

/** Items validated per turn of the event loop. */
export const ITEMS_PER_TURN = 1_000;

export type Validated = { success: true; data: unknown } | { success: false; errors: FieldErrors };

/**
 * A body validated against its contract schema. A bulk body (an array against an
 * array schema) is validated ITEMS_PER_TURN items at a time with a turn of the
 * event loop between, so a 100k-item request does not hold every other request
 * for seconds: the result — data or errors, keyed by item index — is the same as
 * one `safeParse` of the whole array. Read-only keys are dropped from each item on
 * the way (`strip`), in the same pass.
 */
export async function validateBody(
  schema: z.ZodTypeAny,
  body: unknown,
  strip: (item: unknown) => unknown,
  unknownKey: (key: string) => string,
): Promise<Validated> {
  if (!(schema instanceof z.ZodArray) || !Array.isArray(body) || body.length <= ITEMS_PER_TURN) {
    const raw = Array.isArray(body) ? body.map(strip) : strip(body);
    const r = schema.safeParse(raw);
    return r.success
      ? { success: true, data: r.data }
      : { success: false, errors: zodToFieldErrors(r.error, unknownKey) };
  }
  const data: unknown[] = new Array(body.length);
  const errors: FieldErrors = {};
  let failed = false;
  for (let from = 0; from < body.length; from += ITEMS_PER_TURN) {
    if (from) await nextTurn();
    const chunk = body.slice(from, from + ITEMS_PER_TURN).map(strip);
    // The array schema itself on a slice: its checks per item, errors keyed by index in the slice.
    const r = schema.safeParse(chunk);
    if (r.success) {
      if (!failed) for (let i = 0; i < r.data.length; i++) data[from + i] = r.data[i];
      continue;
    }
    failed = true;
    for (const [k, v] of Object.entries(zodToFieldErrors(r.error, unknownKey))) {
      // Every issue of an array of objects is under an item's index; anything else names the whole body.
      errors[/^\d+$/.test(k) ? String(Number(k) + from) : k] = v;
    }
  }
  return failed ? { success: false, errors } : { success: true, data };
}
