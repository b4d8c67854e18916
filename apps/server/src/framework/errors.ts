import type { FieldErrors } from "@rackplane/contract";
import type { ZodError, ZodIssue } from "zod";

/** An error the API reports to the client as it is: status plus a DRF-shaped body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(
      typeof body === "object" && body && "detail" in body
        ? String((body as { detail: unknown }).detail)
        : `HTTP ${status}`,
    );
  }
}

/** Ids a write named that do not exist (or are invisible to the caller): a 404, mapped to items in bulk. */
export class MissingObjects extends ApiError {
  constructor(
    readonly model: string,
    readonly ids: number[],
  ) {
    super(404, { detail: `No ${model} matches id ${ids.join(", ")}.` });
  }
}

/** Objects a delete cannot remove because others still reference them: a 409, mapped to items in bulk. */
export class ReferencedObjects extends ApiError {
  constructor(
    detail: string,
    /** Referenced id → what references it. */
    readonly referenced: Map<number, string>,
  ) {
    super(409, { detail });
  }
}

export const badRequest = (errors: FieldErrors | FieldErrors[]) => new ApiError(400, errors);
export const notFound = (what = "Not found.") => new ApiError(404, { detail: what });
export const conflict = (detail: string) => new ApiError(409, { detail });
export const nonField = (message: string) => badRequest({ non_field_errors: [message] });

/** Puts `message` at `path` inside a DRF error object (nested objects for nested paths). */
export function addError(target: FieldErrors, path: (string | number)[], message: string) {
  const [head, ...rest] = path;
  const key = head === undefined ? "non_field_errors" : String(head);
  if (rest.length === 0) {
    const cur = target[key];
    if (Array.isArray(cur) && (cur.length === 0 || typeof cur[0] === "string")) (cur as string[]).push(message);
    else target[key] = [message];
    return;
  }
  let child = target[key];
  if (!child || Array.isArray(child)) {
    child = {};
    target[key] = child;
  }
  addError(child as FieldErrors, rest, message);
}

function messageOf(issue: ZodIssue): string {
  if (issue.code === "invalid_type" && issue.received === "undefined") return "This field is required.";
  if (issue.code === "invalid_type" && issue.received === "null") return "This field may not be null.";
  return issue.message;
}

/**
 * zod issues → DRF error body. `unknownKeyMessage` words what an unrecognised key
 * is (an unknown field in a body, an unknown filter in a query).
 */
export function zodToFieldErrors(err: ZodError, unknownKeyMessage: (key: string) => string): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of err.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) addError(out, [...issue.path, key], unknownKeyMessage(key));
    } else if (issue.code === "invalid_union") {
      // Report the branch that got furthest instead of "Invalid input".
      const deepest = issue.unionErrors.flatMap((e) => e.issues).sort((a, b) => b.path.length - a.path.length)[0];
      addError(out, deepest ? deepest.path : issue.path, deepest ? messageOf(deepest) : issue.message);
    } else {
      addError(out, issue.path, messageOf(issue));
    }
  }
  return out;
}

/** Bulk bodies: the top-level index becomes a list of per-item error objects. */
export function splitBulkErrors(errors: FieldErrors, count: number): FieldErrors[] | FieldErrors {
  const keys = Object.keys(errors);
  if (!keys.every((k) => /^\d+$/.test(k))) return errors;
  const items: FieldErrors[] = Array.from({ length: count }, () => ({}));
  for (const k of keys) {
    const v = errors[k];
    const i = Number(k);
    if (i < count) items[i] = Array.isArray(v) ? { non_field_errors: v as string[] } : (v as FieldErrors);
  }
  return items;
}
