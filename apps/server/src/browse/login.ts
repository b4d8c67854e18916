import type { Database } from "@rackplane/db";
import { sql } from "drizzle-orm";
import express, { type CookieOptions, type Request, type Response, type Router } from "express";
import type { LoginThrottle } from "../auth/login-throttle";
import { checkCredentials } from "../auth/middleware";
import { hashKey, newTokenKey, prefixOf } from "../auth/secrets";
import type { TokenCache } from "../auth/token-cache";
import { ApiError } from "../framework/errors";
import { loginPage } from "./login-page";
import {
  CSRF_HEADER,
  csrfOf,
  LOGIN_PATH,
  LOGOUT_PATH,
  SESSION_COOKIE,
  SESSION_DESCRIPTION,
  sameText,
  sessionKeyOf,
} from "./session";

/** A local path to go to after signing in (never another origin). */
const safeNext = (next: unknown) =>
  typeof next === "string" && next.startsWith("/") && !next.startsWith("//") && !next.includes("\\") ? next : "/api/";

const cookieOptions = (req: Request): CookieOptions => ({
  httpOnly: true,
  secure: req.secure, // over TLS (directly, or X-Forwarded-Proto from a trusted proxy)
  sameSite: "lax",
  path: "/api/",
});

/**
 * Sign-in for browsers: `GET/POST /api/auth/login/` (an HTML form: username,
 * password) and `POST /api/auth/logout/`. Mounted before the JSON-only body check:
 * these take ordinary form posts.
 */
export function sessionRoutes(db: Database, tokens: TokenCache, ttlSeconds: number, throttle: LoginThrottle): Router {
  const router = express.Router({ strict: true });
  const form = express.urlencoded({ extended: false, limit: "16kb" });
  const page = (res: Response, status: number, p: Parameters<typeof loginPage>[0]) =>
    res.status(status).type("html").send(loginPage(p));

  router.get(LOGIN_PATH, (req, res) => page(res, 200, { next: safeNext(req.query.next) }));
  router.post(LOGIN_PATH, form, async (req, res, next) => {
    try {
      const sent = (req.body ?? {}) as Record<string, unknown>;
      const username = typeof sent.username === "string" ? sent.username : "";
      const password = typeof sent.password === "string" ? sent.password : "";
      const to = safeNext(sent.next);
      const p = username && password ? await checkCredentials(db, throttle, username, password, req.ip) : undefined;
      if (!p) return page(res, 400, { next: to, username, error: "Invalid username or password." });
      const key = newTokenKey();
      const expires = new Date(Date.now() + ttlSeconds * 1000).toISOString();
      // The user's own expired sessions go when they sign in again (no unbounded growth).
      await db.execute(
        sql`DELETE FROM tokens WHERE user_id = ${p.id} AND description = ${SESSION_DESCRIPTION} AND expires < now()`,
      );
      await db.execute(
        sql`INSERT INTO tokens (user_id, prefix, key_hash, description, expires)
            VALUES (${p.id}, ${prefixOf(key)}, ${hashKey(key)}, ${SESSION_DESCRIPTION}, ${expires})`,
      );
      await db.execute(sql`UPDATE users SET last_login = now() WHERE id = ${p.id}`);
      res.cookie(SESSION_COOKIE, key, { ...cookieOptions(req), maxAge: ttlSeconds * 1000 });
      res.redirect(303, to);
    } catch (err) {
      next(err);
    }
  });
  router.post(LOGOUT_PATH, form, async (req, res, next) => {
    try {
      const key = sessionKeyOf(req);
      if (key) {
        const sent = (req.body as Record<string, unknown> | undefined)?.csrf_token ?? req.get(CSRF_HEADER) ?? "";
        if (!sameText(String(sent), csrfOf(key)))
          throw new ApiError(403, { detail: "CSRF token missing or incorrect." });
        // The session's token row goes: the cookie is dead everywhere, not only in this browser.
        await db.execute(
          sql`DELETE FROM tokens WHERE key_hash = ${hashKey(key)} AND description = ${SESSION_DESCRIPTION}`,
        );
        tokens.clear();
      }
      res.clearCookie(SESSION_COOKIE, cookieOptions(req));
      res.redirect(303, LOGIN_PATH);
    } catch (err) {
      next(err);
    }
  });
  return router;
}

/**
 * A browser (asking for HTML) that is not signed in goes to the login page instead
 * of a 401 (then back where it was).
 */
export function loginRedirect(req: Request, res: Response, status: number): boolean {
  if (status !== 401 || req.method !== "GET" || req.get("authorization")) return false;
  res.redirect(302, `${LOGIN_PATH}?next=${encodeURIComponent(req.originalUrl)}`);
  return true;
}
