import type { Request } from "express";
import { ApiError } from "../framework/errors";
import { principalOfRequest, unauthorized } from "./middleware";

export interface AccessSettings {
  /** Anonymous callers may use read methods (off by default). */
  anonymousRead: boolean;
}

/** Operations anyone may call: they authenticate the caller themselves, or reveal nothing. */
const PUBLIC = new Set(["system.status", "system.live", "auth.tokenObtain", "auth.tokenRefresh", "auth.apiTokenAuth"]);
/** Resources only superusers may change (other users' accounts, forwarding targets). */
const SUPERUSER_WRITES = new Set(["users.users", "users.groups", "core.eventForwardings"]);
/** Apps not subject to token scopes: the caller's own identity. */
const UNSCOPED_APPS = new Set(["auth", "system"]);
const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const APP_SCOPE = /^[a-z][a-z0-9-]*:(read|write)$/;

/**
 * Decides whether the caller may run operation `key` (`dcim.servers.list`):
 * anonymous → 401 (unless anonymous read is on and this is a read); a
 * read-only token writing → 403; a token whose scopes don't cover the app → 403;
 * writes to accounts → 403 for non-superusers. Object-level rules (own tokens,
 * pools by group) are visibility rules applied in SQL by the service.
 */
export function authorize(settings: AccessSettings) {
  return (key: string, req: Request) => {
    if (PUBLIC.has(key)) return;
    const p = principalOfRequest(req);
    const read = READ_METHODS.has(req.method);
    const [app = "", resource = ""] = key.split(".");
    if (!p) {
      if (read && settings.anonymousRead && !UNSCOPED_APPS.has(app) && app !== "users") return;
      throw unauthorized(req.path, "Authentication credentials were not provided.");
    }
    if (!read && !p.writeEnabled) throw forbidden("This token is read-only (write_enabled is false).");
    // Only `<app>:read|write` scopes limit apps; other scopes (Ralph LRS labels) do not.
    if (p.scopes?.some((s) => APP_SCOPE.test(s)) && !UNSCOPED_APPS.has(app)) {
      const ok = p.scopes.includes(`${app}:write`) || (read && p.scopes.includes(`${app}:read`));
      if (!ok)
        throw forbidden(
          `This token's scopes (${p.scopes.join(", ")}) do not allow ${read ? "reading" : "writing"} ${app}.`,
        );
    }
    if (!read && !p.isSuperuser && SUPERUSER_WRITES.has(`${app}.${resource}`))
      throw forbidden("Only superusers may change this resource.");
  };
}

const forbidden = (detail: string) => new ApiError(403, { detail });
