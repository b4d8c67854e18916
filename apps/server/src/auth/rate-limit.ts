import { system } from "@rackplane/contract";
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

/** Health probes (readiness, liveness) are never limited: a busy API must not look dead to its load balancer. */
const HEALTH = new Set<string>([system.routes.status.path, system.routes.live.path]);

/** Hits a process reserves at once while the subject is far from its limit. */
const LEASE = 20;

/** Hits this process has reserved from the shared counter for one subject and window. */
interface Lease {
  windowStart: number;
  /** Next hit number to hand out, and the last one reserved. */
  next: number;
  last: number;
}

/**
 * Fixed-window rate limiting per token (or user, or client address when
 * anonymous). Counters live in the database, so every replica shares one budget.
 * Far from the limit a process reserves hits in leases of LEASE (one upsert per
 * LEASE requests instead of a write on one hot row per request); within 2×LEASE
 * of the limit it reserves one at a time, so the limit itself stays exact.
 * Over the limit: 429 with `Retry-After` (seconds to the next window).
 */
export function rateLimit(db: Database, s: RateLimitSettings) {
  const leases = new Map<string, Lease>();

  /** The reservation under way per subject: concurrent requests wait for it instead of each writing one. */
  const pending = new Map<string, Promise<void>>();

  const refill = async (subject: string, start: number) => {
    const held = leases.get(subject);
    const seen = held?.windowStart === start ? held.last : 0;
    const size = s.limit - seen > 2 * LEASE ? LEASE : 1;
    const [row] = rowsOf<{ hits: number }>(
      await db.execute(
        sql`INSERT INTO rate_limit_counters (subject, window_start, hits) VALUES (${subject}, to_timestamp(${start}), ${size})
            ON CONFLICT (subject, window_start) DO UPDATE SET hits = rate_limit_counters.hits + ${size}
            RETURNING hits`,
      ),
    );
    const last = Number(row?.hits ?? 0);
    if (last === size && Math.random() < 0.05) {
      // A new window started: old windows are dropped now and then, not on every request.
      await db.execute(
        sql`DELETE FROM rate_limit_counters WHERE window_start < to_timestamp(${start - s.windowSeconds})`,
      );
      for (const [k, l] of leases) if (l.windowStart < start) leases.delete(k);
    }
    leases.set(subject, { windowStart: start, next: last - size + 1, last });
  };

  /**
   * The hit number of this request. One reservation per subject at a time: without that, every
   * request arriving while a lease ran out wrote its own (16 concurrent requests: up to 16
   * upserts on one hot row per LEASE requests, ≈ 0.2 ms of PostgreSQL CPU per request).
   */
  const reserve = async (subject: string, start: number): Promise<number> => {
    for (;;) {
      const held = leases.get(subject);
      if (held && held.windowStart === start && held.next <= held.last) return held.next++;
      let under = pending.get(subject);
      if (!under) {
        under = refill(subject, start).finally(() => pending.delete(subject));
        pending.set(subject, under);
      }
      await under;
    }
  };

  return async (req: Request, res: Response, next: NextFunction) => {
    if (s.limit <= 0 || HEALTH.has(req.path) || !(req.path.startsWith("/api/") || req.path === "/whoami"))
      return next();
    try {
      const p = principalOfRequest(req);
      const subject = p ? (p.tokenId ? `token:${p.tokenId}` : `user:${p.id}`) : `ip:${req.ip}`;
      const now = Date.now() / 1000;
      const start = Math.floor(now / s.windowSeconds) * s.windowSeconds;
      const hits = await reserve(subject, start);
      res.setHeader("X-RateLimit-Limit", String(s.limit));
      res.setHeader("X-RateLimit-Remaining", String(Math.max(0, s.limit - hits)));
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
