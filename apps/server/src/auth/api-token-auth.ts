import { randomBytes } from "node:crypto";
import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { badRequest } from "../framework/errors";
import type { ResourceService } from "../framework/service";
import type { Handler } from "../http/handler";
import { jobsOf } from "../jobs/accepted";
import { takeKeys, tokens } from "../resources/users/tokens";
import { secretBox } from "../secrets/current";
import type { LoginThrottle } from "./login-throttle";
import { checkCredentials } from "./middleware";
import { hashKey } from "./secrets";

/** The description that marks a user's personal token (visible in `/api/users/tokens/`). */
export const PERSONAL_TOKEN = "Personal token";

/**
 * The personal key of a token: its random prefix, then an HMAC of user and prefix
 * under the server's secret key. Only the hash is stored, as for every token, yet
 * the server can hand the same key out again on every sign-in — and a revoked
 * (deleted) personal token is replaced by a new one with a new prefix.
 */
const personalKey = (userId: number, prefix: string) =>
  prefix + secretBox().mac(`rackplane personal token ${userId} ${prefix}`).slice(0, 32);

/**
 * `POST /api/api-token-auth/` (Ralph, DRF's obtain_auth_token): `{username,
 * password}` → `{token}`, the user's personal token, created on first use.
 * Wrong credentials are DRF's 400 "Unable to log in with provided credentials.".
 */
export function apiTokenAuthHandler(svc: ResourceService, throttle: LoginThrottle): Handler {
  return async ({ body, ctx, req }) => {
    const { username, password } = body as { username: string; password: string };
    // Credentials first, outside the transaction: the sign-in throttle counts on its own
    // connection, and PGlite's single connection would wait for the transaction forever.
    const user = await checkCredentials(jobsOf(req).db, throttle, username, password, req.ip);
    if (!user) throw badRequest({ non_field_errors: ["Unable to log in with provided credentials."] });
    return svc.transaction(async (tx) => {
      const mine = rowsOf<{ prefix: string; key_hash: string }>(
        await tx.execute(sql`SELECT prefix, key_hash FROM tokens
          WHERE user_id = ${user.id} AND description = ${PERSONAL_TOKEN}
            AND (expires IS NULL OR expires > now()) ORDER BY id`),
      );
      for (const t of mine) {
        const key = personalKey(user.id, t.prefix);
        if (hashKey(key) === t.key_hash) return { status: 200, body: { token: key } };
      }
      const key = personalKey(user.id, randomPrefix());
      const asUser = { ...ctx, user };
      const item = { user: user.id, key, description: PERSONAL_TOKEN };
      takeKeys(asUser, [item]);
      await svc.create(tokens, [item], asUser, false, tx);
      return { status: 200, body: { token: key } };
    });
  };
}

const randomPrefix = () => randomBytes(4).toString("hex");
