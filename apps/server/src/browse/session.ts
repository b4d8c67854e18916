import { createHash, timingSafeEqual } from "node:crypto";
import type { Request } from "express";
import { ApiError } from "../framework/errors";

export const SESSION_COOKIE = "rackplane_session";
export const CSRF_HEADER = "X-CSRFToken";
export const LOGIN_PATH = "/api/auth/login/";
export const LOGOUT_PATH = "/api/auth/logout/";
/** The `description` of the token row behind a browser session. */
export const SESSION_DESCRIPTION = "Browser session";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** The session key from the `Cookie` header, if any. */
export function sessionKeyOf(req: Request): string | undefined {
  for (const part of (req.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/**
 * The CSRF token of a session: derived from its secret key, so it needs no storage
 * and a page on another origin (which cannot read the HttpOnly cookie) cannot know it.
 */
export const csrfOf = (key: string) => createHash("sha256").update(`rackplane-csrf:${key}`).digest("hex");

/** The CSRF token pages embed when the request is authenticated by the session cookie. */
export const csrfOfRequest = (req: Request) => {
  const key = req.get("authorization") ? undefined : sessionKeyOf(req);
  return key ? csrfOf(key) : undefined;
};

export const sameText = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));

/**
 * The session cookie as the `Authorization` it stands for. A browser session is
 * an API token (a `tokens` row, expiring, described "Browser session"), so it
 * resolves to exactly the Principal a token would: same permissions, same expiry
 * and revocation. Unsafe methods must carry the session's CSRF token in
 * `X-CSRFToken` (a cookie is sent by the browser on its own; a header is not).
 */
export function sessionAuthorization(req: Request): string | undefined {
  const key = sessionKeyOf(req);
  if (!key) return undefined;
  if (!SAFE.has(req.method) && !sameText(req.get(CSRF_HEADER) ?? "", csrfOf(key)))
    throw new ApiError(403, { detail: `CSRF token missing or incorrect (send it in ${CSRF_HEADER}).` });
  return `Token ${key}`;
}
