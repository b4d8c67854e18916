import { resources } from "@rackplane/contract";
import type { Database } from "@rackplane/db";
import { sql } from "drizzle-orm";
import type { NextFunction, Request, Response } from "express";
import { sessionAuthorization } from "../browse/session";
import type { Principal } from "../framework/context";
import { ApiError } from "../framework/errors";
import { splitAuthorization } from "./authorization-header";
import type { Jwt } from "./jwt";
import type { LoginThrottle } from "./login-throttle";
import { loadUser, principalOf, tokensByPrefix } from "./principal";
import { checkPassword, hashKey, prefixOf, sameHash, TOKEN_KEY } from "./secrets";
import { TokenCache } from "./token-cache";

/** Paths where HTTP Basic (username + password) is accepted. */
export const BASIC_PATHS = new Set(["/api/token/", "/whoami"]);

export type AuthedRequest = Request & { principal?: Principal };
export const principalOfRequest = (req: Request) => (req as AuthedRequest).principal;

/** The challenge sent with every 401: the schemes this path accepts. */
export const challenge = (path: string) =>
  [
    'Token realm="rackplane"',
    'Bearer realm="rackplane"',
    ...(BASIC_PATHS.has(path) ? ['Basic realm="rackplane"'] : []),
  ].join(", ");

export const unauthorized = (path: string, detail: string) =>
  new ApiError(401, { detail }, { "WWW-Authenticate": challenge(path) });

/** Don't write `last_used` more than once a minute per token, whatever the request rate. */
const LAST_USED_EVERY_MS = 60_000;

/**
 * Resolves the `Authorization` header to a principal (or none: anonymous). Bad
 * credentials are a 401 here; whether the caller may do what it asks is
 * decided per route (see authorize.ts). Runs before the query counter, so its
 * statements don't count against the list budget.
 */
export function authenticate(db: Database, jwt: Jwt, throttle: LoginThrottle, tokens: TokenCache = new TokenCache(0)) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    try {
      const header = req.get("authorization") ?? sessionAuthorization(req); // browser session: a token in a cookie
      if (header) (req as AuthedRequest).principal = await resolve(db, jwt, throttle, tokens, req, header.trim());
      next();
    } catch (err) {
      next(err);
    }
  };
}

async function resolve(
  db: Database,
  jwt: Jwt,
  throttle: LoginThrottle,
  tokens: TokenCache,
  req: Request,
  header: string,
): Promise<Principal> {
  const path = req.path;
  const { scheme, cred } = splitAuthorization(header);
  if (scheme === "token") {
    if (!TOKEN_KEY.test(cred)) throw unauthorized(path, "Invalid token.");
    const hash = hashKey(cred);
    let row = tokens.get(hash);
    if (!row) {
      const epoch = tokens.begin();
      row = (await tokensByPrefix(db, prefixOf(cred))).find((t) => sameHash(t.key_hash, hash));
      if (!row) throw unauthorized(path, "Invalid token.");
      tokens.set(hash, row, epoch);
    }
    if (row.expires && new Date(row.expires).getTime() <= Date.now()) throw unauthorized(path, "Token expired.");
    if (!row.is_active) throw unauthorized(path, "User inactive or deleted.");
    if (!row.last_used || Date.now() - new Date(row.last_used).getTime() > LAST_USED_EVERY_MS) {
      // Conditional, so concurrent requests of one token still write at most once a minute.
      await db.execute(
        sql`UPDATE tokens SET last_used = now() WHERE id = ${row.token_id}
            AND (last_used IS NULL OR last_used < now() - interval '1 minute')`,
      );
      row.last_used = new Date(); // the cached row too: no second attempt within the minute
    }
    return principalOf(row, "token", row);
  }
  if (scheme === "bearer") {
    const id = await jwt.verify(cred, "access");
    if (id === undefined) throw unauthorized(path, "Invalid or expired access token.");
    const u = await loadUser(db, sql`u.id = ${id}`);
    if (!u?.is_active) throw unauthorized(path, "User inactive or deleted.");
    return principalOf(u, "jwt");
  }
  if (scheme === "basic") {
    if (!BASIC_PATHS.has(path))
      throw unauthorized(path, "HTTP Basic is accepted only on /api/token/ and /whoami; use a token.");
    const decoded = Buffer.from(cred, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) throw unauthorized(path, "Invalid basic credentials.");
    const user = await checkCredentials(db, throttle, decoded.slice(0, colon), decoded.slice(colon + 1), req.ip);
    if (!user) throw unauthorized(path, "Invalid username or password.");
    return user;
  }
  // Never echo the header back: without a space, its "scheme" is the credential itself.
  throw unauthorized(path, "Unsupported authorization scheme. Use Token or Bearer.");
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
/** Where identity lives (users, groups, tokens), from the contract. */
const IDENTITY_PATHS = Object.values(resources.users).map((r) => r.path);

/**
 * Drops cached token lookups once a write to an identity resource has finished,
 * i.e. after its transaction committed, so this process never serves a revoked
 * token or stale groups.
 */
export function forgetAfterIdentityWrites(tokens: TokenCache) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!SAFE.has(req.method) && IDENTITY_PATHS.some((p) => req.path.startsWith(p)))
      res.once("finish", () => tokens.clear());
    next();
  };
}

/**
 * The active user with this username and password, or undefined. Throttled first
 * (a 429 costs no bcrypt work); then the password is checked against the user's
 * hash, or a dummy one when there is no such user (or it has no password), and
 * before `is_active` is looked at: every refusal takes the same time.
 */
export async function checkCredentials(
  db: Database,
  throttle: LoginThrottle,
  username: string,
  password: string,
  address: string | undefined,
) {
  const attempt = await throttle.begin(username, address);
  const u = await loadUser(db, sql`u.username = ${username}`);
  const matches = await checkPassword(password, u?.password);
  if (!u?.is_active || !matches) return undefined;
  await attempt.succeeded();
  return principalOf(u, "basic");
}
