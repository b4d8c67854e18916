import { isUtf8 } from "node:buffer";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { FieldErrors } from "@rackplane/contract";
import express, { type NextFunction, type Request, type Response } from "express";
import { ApiError, addError } from "../framework/errors";
import { ITEMS_PER_TURN } from "./bulk-validation";

/** Deeper than any payload the API defines (a JSON field included); deeper is an attack. */
const MAX_DEPTH = 64;

/**
 * JSON bodies, guarded: bytes that are not UTF-8 are a 400 (body-parser would store
 * U+FFFD in their place), nesting beyond MAX_DEPTH is a 400 (it would overflow the
 * stack when serialized for jsonb), and a NUL character is a 400 on its field
 * (PostgreSQL text and jsonb reject it, which would otherwise surface as a database error).
 */
export function jsonBody(limit: string) {
  const parse = express.json({
    limit,
    strict: false,
    // Noted here, answered by `guard` (body-parser would rewrite an error thrown here).
    verify: (req, _res, buf) => {
      if (!isUtf8(buf)) (req as Request & { notUtf8?: boolean }).notUtf8 = true;
    },
  });
  return [parse, guard];
}

async function guard(req: Request, _res: Response, next: NextFunction) {
  if ((req as Request & { notUtf8?: boolean }).notUtf8) {
    return next(new ApiError(400, { detail: "JSON parse error - the body is not valid UTF-8." }));
  }
  if (req.body === undefined || typeof req.body !== "object" || req.body === null) return next();
  try {
    const errors: FieldErrors = {};
    const items: unknown[] | undefined = Array.isArray(req.body) ? req.body : undefined;
    const perItem: FieldErrors[] | undefined = items?.map(() => ({}));
    let failed = false;
    // Bulk bodies item by item, with a turn of the event loop every ITEMS_PER_TURN items
    // (a 100k-item body is millions of values); anything else in one walk.
    const roots = items
      ? items.map((value, i) => ({ value, path: [i] as (string | number)[] }))
      : [{ value: req.body as unknown, path: [] as (string | number)[] }];
    for (let from = 0; from < roots.length; from += ITEMS_PER_TURN) {
      if (from) await nextTurn();
      // Iterative walk: a recursive one would itself overflow on the input it guards against.
      const stack = roots.slice(from, from + ITEMS_PER_TURN);
      while (stack.length) {
        const { value, path } = stack.pop()!;
        if (path.length > MAX_DEPTH) {
          throw new ApiError(400, { detail: `JSON parse error - nested deeper than ${MAX_DEPTH} levels.` });
        }
        if (typeof value === "string" && value.includes("\u0000")) {
          failed = true;
          // Bulk bodies answer per item (index → field errors), single objects per field.
          if (perItem) addError(perItem[path[0] as number]!, path.slice(1, 2), "Null characters are not allowed.");
          else addError(errors, path.slice(0, 1), "Null characters are not allowed.");
        } else if (value && typeof value === "object") {
          for (const [k, v] of Object.entries(value))
            stack.push({ value: v, path: [...path, Array.isArray(value) ? Number(k) : k] });
        }
      }
    }
    if (failed) return next(new ApiError(400, perItem ?? errors));
    next();
  } catch (err) {
    next(err);
  }
}
