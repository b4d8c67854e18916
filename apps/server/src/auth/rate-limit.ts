import { type Database, rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import type { NextFunction, Request, Response } from "express";
import { ApiError } from "../framework/errors";
import { principalOfRequest } from "./middleware";

export interface RateLimitSettings {
  /** Requests per window per subject; 0 turns limiting off. */
  limit: number;
  windowSeconds: number;
}

/**
 * Fixed-window rate limiting per token (or user, or client address when
 * anonymous). Counters live in the database, so every replica shares them: one
 * upsert per request. Over the limit: 429 with `Retry-After` (seconds to the
 * next window).
 */
export function rateLimit(db: Database, s: RateLimitSettings) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (s.limit <= 0 || !(req.path.startsWith("/api/") || req.path === "/whoami")) return next();
    try {
      const p = principalOfRequest(req);
      const subject = p ? (p.tokenId ? `token:${p.tokenId}` : `user:${p.id}`) : `ip:${req.ip}`;
      const now = Date.now() / 1000;
      const start = Math.floor(now / s.windowSeconds) * s.windowSeconds;
      const [row] = rowsOf<{ hits: number }>(
        await db.execute(
          sql`INSERT INTO rate_limit_counters (subject, window_start, hits) VALUES (${subject}, to_timestamp(${start}), 1)
              ON CONFLICT (subject, window_start) DO UPDATE SET hits = rate_limit_counters.hits + 1
              RETURNING hits`,
        ),
      );
      const hits = Number(row?.hits ?? 0);
      res.setHeader("X-RateLimit-Limit", String(s.limit));
      res.setHeader("X-RateLimit-Remaining", String(Math.max(0, s.limit - hits)));
      // Old windows are dropped now and then, not on every request.
      if (hits === 1 && Math.random() < 0.05) {
        await db.execute(
          sql`DELETE FROM rate_limit_counters WHERE window_start < to_timestamp(${start - s.windowSeconds})`,
        );
      }
      if (hits > s.limit) {
        const retry = Math.max(1, Math.ceil(start + s.windowSeconds - now));
        throw new ApiError(
          429,
          { detail: `Request was throttled. Expected available in ${retry} seconds.` },
          { "Retry-After": String(retry) },
        );
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}
