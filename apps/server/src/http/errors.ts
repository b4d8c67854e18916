import type { NextFunction, Request, Response } from "express";
import { ApiError } from "../framework/errors";
import { sendJson } from "./negotiate";

export interface PgLikeError {
  code?: string;
  detail?: string;
  message?: string;
  table_name?: string;
  table?: string;
}

/** Drizzle wraps driver errors; the PostgreSQL error is the innermost `cause` with a code. */
export function pgError(err: unknown): PgLikeError | undefined {
  let e: unknown = err;
  for (let i = 0; i < 5 && e; i++) {
    const x = e as PgLikeError & { cause?: unknown };
    if (typeof x.code === "string" && /^[0-9A-Z]{5}$/.test(x.code)) return x;
    e = x.cause;
  }
  return undefined;
}

/** Unique violation → "A ... with name "x" already exists." (no SQL). */
export function uniqueMessage(pg: PgLikeError): string {
  const m = /Key \((.+)\)=\((.*)\) already exists/.exec(pg.detail ?? "");
  if (!m) return "An object with these values already exists.";
  const cols = m[1]!.split(", ").map((c) => c.replace(/_id$/, ""));
  const vals = m[2]!.split(", ");
  return `An object with ${cols.map((c, i) => `${c} "${vals[i] ?? ""}"`).join(" and ")} already exists.`;
}

/** Told about every 5xx and its cause (error reporting, e.g. Sentry). */
export type UnexpectedErrorSink = (err: unknown, req: Request, res: Response, status: number) => void;
/** Answers an error in another form than JSON (the browsable API's HTML); false when it does not. */
export type ErrorPresenter = (req: Request, res: Response, status: number, body: unknown) => boolean;

/**
 * Everything thrown → the status and DRF body the spec gives; 500s never leak internals.
 * A 5xx's cause goes to the request log line (request-log.ts reads `res.err`) and to `report`.
 */
export function errorHandler(report?: UnexpectedErrorSink, present?: ErrorPresenter) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return;
    let status = 500;
    let body: unknown = { detail: "Internal server error." };
    const e = err as { type?: string; status?: number; message?: string };
    if (err instanceof ApiError) {
      status = err.status;
      body = err.body;
      for (const [k, v] of Object.entries(err.headers)) res.setHeader(k, v);
    } else if (e?.type === "entity.too.large") {
      status = 413;
      const { limit, length } = err as { limit?: number; length?: number };
      const size = length !== undefined ? `${length} bytes, ` : "";
      body = {
        detail: `Request body too large: ${size}the limit is ${limit} bytes. Split bulk requests into smaller batches.`,
      };
    } else if (e?.type === "entity.parse.failed") {
      status = 400;
      body = { detail: `JSON parse error - ${e.message ?? "invalid JSON"}` };
    } else if (e?.type === "encoding.unsupported" || e?.type === "charset.unsupported") {
      status = 415;
      body = { detail: "Unsupported body encoding; send UTF-8 JSON." };
    } else if (err instanceof URIError || (e?.status === 400 && e?.type === undefined)) {
      // Express's own 400s (a path parameter that is not valid percent-encoded UTF-8).
      status = 400;
      body = { detail: "Malformed URL: a path segment is not valid percent-encoded UTF-8." };
    } else {
      const pg = pgError(err);
      if (pg?.code === "23505") {
        status = 409;
        body = { detail: uniqueMessage(pg) };
      } else if (pg?.code === "23503") {
        status = 409;
        body = { detail: "The object is referenced by, or refers to, an object that does not allow this change." };
      } else if (pg?.code?.startsWith("22")) {
        status = 400;
        body = { non_field_errors: ["A value is out of range or malformed."] };
      } else if (pg?.code === "57014") {
        // statement_timeout (RACKPLANE_STATEMENT_TIMEOUT_MS) or a cancel: the request cost too
        // much now; the same request may pass when the database is less busy or with narrower filters.
        status = 503;
        body = {
          detail: "The request took longer than the database statement timeout; narrow the filters or try again later.",
        };
        res.setHeader("Retry-After", "5");
      } else if (pg?.code?.startsWith("08") || pg?.code === "57P01" || pg?.code === "57P03") {
        status = 503;
        body = { detail: "The database is unavailable; try again shortly." };
        res.setHeader("Retry-After", "5");
      } else if (isConnectionError(err)) {
        status = 503;
        body = { detail: "The database is unavailable; try again shortly." };
        res.setHeader("Retry-After", "5");
      }
    }
    if (status >= 500) {
      (res as Response & { err?: Error }).err = err as Error; // the request log line carries it (request-log.ts)
      report?.(err, req, res, status);
    }
    res.status(status);
    if (!present?.(req, res, status, body)) sendJson(res, body);
  };
}

/** Driver and socket codes of a database that went away (restart, failover, network). */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

function isConnectionError(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 5 && e; i++) {
    const code = (e as { code?: string }).code;
    if (code && CONNECTION_CODES.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
