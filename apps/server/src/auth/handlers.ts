import type { Database } from "@rackplane/db";
import { sql } from "drizzle-orm";
import type { Principal } from "../framework/context";
import type { Handler } from "../http/handler";
import type { Jwt } from "./jwt";
import type { LoginThrottle } from "./login-throttle";
import { checkCredentials, principalOfRequest, unauthorized } from "./middleware";
import { loadUser } from "./principal";

/** Handlers of the contract's `auth` routes: JWT pair, refresh, the caller. */
export function authHandlers(db: Database, jwt: Jwt, throttle: LoginThrottle): Record<string, Handler> {
  const me: Handler = async ({ req, ctx }) => {
    const p = principalOfRequest(req)!; // authorize() let only authenticated callers through
    const u = await loadUser(db, sql`u.id = ${p.id}`);
    return { status: 200, body: meBody(p, u?.email ?? "", ctx.baseUrl) };
  };
  return {
    tokenObtain: async ({ body, req }) => {
      const sent = body as { username?: string; password?: string };
      const creds = sent.username !== undefined ? (sent as { username: string; password: string }) : undefined;
      let p: Principal | undefined;
      if (creds) p = await checkCredentials(db, throttle, creds.username, creds.password, req.ip);
      else if (principalOfRequest(req)?.method === "basic") p = principalOfRequest(req);
      if (!p) {
        throw unauthorized(
          req.path,
          creds ? "No active account with these credentials." : "Send username and password (JSON body or HTTP Basic).",
        );
      }
      await db.execute(sql`UPDATE users SET last_login = now() WHERE id = ${p.id}`);
      const [access, refresh] = [await jwt.issue(p.id, "access"), await jwt.issue(p.id, "refresh")];
      return {
        status: 200,
        body: {
          access: access.token,
          refresh: refresh.token,
          access_expires: access.expires,
          refresh_expires: refresh.expires,
        },
      };
    },
    tokenRefresh: async ({ body, req }) => {
      const id = await jwt.verify((body as { refresh: string }).refresh, "refresh");
      const u = id === undefined ? undefined : await loadUser(db, sql`u.id = ${id}`);
      if (!u?.is_active) throw unauthorized(req.path, "Invalid or expired refresh token.");
      const access = await jwt.issue(u.id, "access");
      return { status: 200, body: { access: access.token, access_expires: access.expires } };
    },
    me,
    whoami: me,
  };
}

function meBody(p: Principal, email: string, baseUrl: string) {
  return {
    id: p.id,
    url: `${baseUrl}/api/users/users/${p.id}/`,
    username: p.username,
    email,
    is_superuser: p.isSuperuser,
    groups: p.groups,
    scopes: p.scopes,
    write_enabled: p.writeEnabled,
    auth_method: p.method,
  };
}
