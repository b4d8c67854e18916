import { createHash } from "node:crypto";
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_MAX_LENGTH,
  IDEMPOTENCY_KEY_PATTERN,
  IDEMPOTENCY_KEY_TTL_HOURS,
  IDEMPOTENT_METHODS_WITH_KEY,
  IDEMPOTENT_REPLAYED_HEADER,
} from "@rackplane/contract";
import { type Database, queryCounter, rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import type { NextFunction, Request, Response } from "express";
import { principalOfRequest } from "../auth/middleware";
import { ApiError } from "../framework/errors";

export interface IdempotencySettings {
  /** How long a repeat waits for the first request with its key to finish before a 409. */
  waitMs: number;
  /** A claim older than this whose request never finished (its process died) is taken over. */
  abandonedAfterSeconds: number;
  /**
   * Whether a route takes this method on this path (`routeAccepts`): a request no route
   * takes is answered 404/405 by the router, never 422 or a replay because of its key.
   */
  accepts?: (method: string, path: string) => boolean;
}

const defaults: IdempotencySettings = { waitMs: 10_000, abandonedAfterSeconds: 300 };
const METHODS = new Set<string>(IDEMPOTENT_METHODS_WITH_KEY);
// The document's pattern (a received value never has space at its ends), plus the length.
const KEY_PATTERN = new RegExp(IDEMPOTENCY_KEY_PATTERN);
const validKey = (key: string) => key.length <= IDEMPOTENCY_KEY_MAX_LENGTH && KEY_PATTERN.test(key);
/** The response headers a replay repeats (the rest are per request: ids, rate limit, CORS). */
const STORED_HEADERS = ["content-type", "etag", "location"];
const POLL_MS = 50;

interface StoredRow {
  request_hash: string;
  status: number | null;
  headers: Record<string, string> | null;
  body: string | null;
}

/**
 * `Idempotency-Key` on POST/PUT/PATCH/DELETE, Stripe's semantics, with the records in
 * the database (`idempotency_keys`) so every replica sees them:
 * - the first request with a key claims the key's row and runs; its response is stored
 *   before it is sent (a client that receives it can count on the record);
 * - the same key with the same method, path, query and body within 24 h answers the
 *   stored response again, with `Idempotent-Replayed: true`, without running anything;
 * - the same key with a different request: 422;
 * - while the first request still runs, a repeat waits for it (polling, `waitMs`), then
 *   replays; if it is still running then, 409 with `Retry-After: 1`;
 * - a 5xx is not stored (its transaction rolled back): the key is released, and a retry runs.
 * Keys are per caller (token, user, or address when anonymous). Its statements are
 * not the endpoint's, so they stay out of the per-request query count.
 */
export function idempotency(db: Database, settings: Partial<IdempotencySettings> = {}) {
  const s = { ...defaults, ...settings };
  const run = <T>(q: () => Promise<T>): Promise<T> => queryCounter.exit(q);

  const claim = async (subject: string, key: string, hash: string): Promise<boolean> => {
    const rows = rowsOf(
      await run(() =>
        db.execute(sql`
          INSERT INTO idempotency_keys (subject, key, request_hash) VALUES (${subject}, ${key}, ${hash})
          ON CONFLICT (subject, key) DO UPDATE
            SET request_hash = excluded.request_hash, status = NULL, headers = NULL, body = NULL, created = now()
            WHERE idempotency_keys.created < now() - make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS})
               OR (idempotency_keys.status IS NULL
                   AND idempotency_keys.created < now() - make_interval(secs => ${s.abandonedAfterSeconds}))
          RETURNING 1 AS claimed`),
      ),
    );
    if (rows.length > 0 && Math.random() < 0.01) {
      // Expired keys are dropped now and then, not on every request.
      await run(() =>
        db.execute(
          sql`DELETE FROM idempotency_keys WHERE created < now() - make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS})`,
        ),
      );
    }
    return rows.length > 0;
  };

  const read = async (subject: string, key: string): Promise<StoredRow | undefined> =>
    rowsOf<StoredRow>(
      await run(() =>
        db.execute(sql`SELECT request_hash, status, headers, body FROM idempotency_keys
                       WHERE subject = ${subject} AND key = ${key}`),
      ),
    )[0];

  const store = (subject: string, key: string, status: number, headers: Record<string, string>, body: string) =>
    run(() =>
      status >= 500
        ? db.execute(sql`DELETE FROM idempotency_keys WHERE subject = ${subject} AND key = ${key}`)
        : db.execute(sql`UPDATE idempotency_keys SET status = ${status}, headers = ${JSON.stringify(headers)}::jsonb,
                           body = ${body} WHERE subject = ${subject} AND key = ${key}`),
    );

  return async (req: Request, res: Response, next: NextFunction) => {
    const key = req.get(IDEMPOTENCY_KEY_HEADER);
    if (key === undefined || !METHODS.has(req.method) || !req.path.startsWith("/api/")) return next();
    if (s.accepts && !s.accepts(req.method, req.path)) return next();
    try {
      if (!validKey(key)) {
        throw new ApiError(400, {
          "Idempotency-Key": [`Must be 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} printable ASCII characters.`],
        });
      }
      const subject = subjectOf(req);
      const hash = requestHash(req);
      const deadline = Date.now() + s.waitMs;
      for (;;) {
        if (await claim(subject, key, hash)) {
          captureResponse(res, (status, headers, body) => store(subject, key, status, headers, body));
          return next();
        }
        const row = await read(subject, key);
        if (!row) continue; // released by a failed first request in between: claim it
        if (row.request_hash !== hash) {
          throw new ApiError(422, {
            detail:
              "This Idempotency-Key was already used with a different request (method, path or body). " +
              "Use a new key for a new request.",
          });
        }
        if (row.status !== null) return replay(res, row);
        if (Date.now() >= deadline) {
          throw new ApiError(
            409,
            { detail: "A request with this Idempotency-Key is still being processed. Retry shortly." },
            { "Retry-After": "1" },
          );
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    } catch (err) {
      next(err);
    }
  };
}

function subjectOf(req: Request): string {
  const p = principalOfRequest(req);
  return p ? (p.tokenId ? `token:${p.tokenId}` : `user:${p.id}`) : `ip:${req.ip}`;
}

/** Method, path with query, and the body as canonical JSON (key order does not matter). */
function requestHash(req: Request): string {
  // No body and `{}` are the same request (the JSON parser gives `{}` for both).
  return createHash("sha256")
    .update(`${req.method} ${req.originalUrl}\n${canonicalJson(req.body ?? {})}`)
    .digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function replay(res: Response, row: StoredRow) {
  res.status(row.status!);
  for (const [name, value] of Object.entries(row.headers ?? {})) res.setHeader(name, value);
  res.setHeader(IDEMPOTENT_REPLAYED_HEADER, "true");
  res.end(row.body ?? "");
}

type Store = (status: number, headers: Record<string, string>, body: string) => Promise<unknown>;

/**
 * Holds the response back until it is stored: `write`/`end` collect the body, then the
 * record is written and the whole body goes out. Responses to writes are small JSON.
 */
function captureResponse(res: Response, store: Store) {
  const chunks: Buffer[] = [];
  const write = res.write;
  const end = res.end;
  const toBuffer = (chunk: unknown, encoding?: unknown) =>
    Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, (encoding as BufferEncoding) ?? "utf8");
  res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
    if (chunk != null) chunks.push(toBuffer(chunk, typeof encoding === "string" ? encoding : undefined));
    const done = typeof encoding === "function" ? encoding : cb;
    if (typeof done === "function") queueMicrotask(() => done());
    return true;
  }) as Response["write"];
  res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
    const done = [chunk, encoding, cb].find((x) => typeof x === "function") as (() => void) | undefined;
    if (chunk != null && typeof chunk !== "function") {
      chunks.push(toBuffer(chunk, typeof encoding === "string" ? encoding : undefined));
    }
    res.write = write;
    res.end = end;
    const body = Buffer.concat(chunks);
    const headers: Record<string, string> = {};
    for (const h of STORED_HEADERS) {
      const v = res.getHeader(h);
      if (v !== undefined) headers[h] = String(v);
    }
    store(res.statusCode, headers, body.toString("utf8"))
      .catch((err) => {
        // The write happened; only its record failed: the response still goes out.
        logStoreFailure(res, err);
      })
      .finally(() => (end as (this: Response, chunk: Buffer, cb?: () => void) => Response).call(res, body, done));
    return res;
  }) as Response["end"];
}

function logStoreFailure(res: Response, err: unknown) {
  (res as Response & { log?: { warn(o: unknown, m: string): void } }).log?.warn(
    { err },
    "idempotency record could not be stored",
  );
}
