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
 * stack when serialized for jsonb), and a value the database cannot store as sent is a 400
 * on its field (stringProblem, numberProblem) — in a string or an object key at any depth
 * (free-form JSON fields hold both), where it would otherwise surface as the generic
 * "out of range or malformed" database error or be stored as something else.
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
    // Bulk bodies answer per item (index → field errors), single objects per field.
    const report = (message: string, at: (string | number)[]) => {
      failed = true;
      if (perItem) addError(perItem[at[0] as number]!, at.slice(1, 2), message);
      else addError(errors, at.slice(0, 1), message);
    };
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
        const problem =
          typeof value === "string"
            ? stringProblem(value)
            : typeof value === "number"
              ? numberProblem(value)
              : undefined;
        if (problem) report(problem, path);
        else if (value && typeof value === "object") {
          const array = Array.isArray(value);
          for (const [k, v] of Object.entries(value)) {
            const at = [...path, array ? Number(k) : k];
            const keyProblem = array ? undefined : stringProblem(k);
            if (keyProblem) report(keyProblem, at);
            else stack.push({ value: v, path: at });
          }
        }
      }
    }
    if (failed) return next(new ApiError(400, perItem ?? errors));
    next();
  } catch (err) {
    next(err);
  }
}

const LONE_SURROGATE = /[\ud800-\udfff]/u;

/**
 * Why a string cannot be stored as sent: PostgreSQL text and jsonb hold no NUL; an unpaired
 * UTF-16 surrogate (`"\ud800"`, valid JSON but no Unicode character) is refused by jsonb
 * and would become U+FFFD in text. (With the `u` flag a surrogate pair is one code point,
 * so only unpaired ones match.)
 */
export function stringProblem(s: string): string | undefined {
  if (s.includes("\u0000")) return "Null characters are not allowed.";
  if (LONE_SURROGATE.test(s)) return "Unpaired UTF-16 surrogates (\\ud800-\\udfff alone) are not allowed.";
  return undefined;
}

/**
 * JSON numbers are read as IEEE 754 doubles (JSON.parse): one beyond ±1.7976931348623157e308
 * reads as Infinity, which would be stored as `null` — refused instead. Integers beyond 2^53
 * are rounded to the nearest double, as every JavaScript client reads them anyway (the
 * document says so on free-form JSON fields).
 */
export function numberProblem(n: number): string | undefined {
  return Number.isFinite(n) ? undefined : "Numbers must be within ±1.7976931348623157e308 (a double).";
}
