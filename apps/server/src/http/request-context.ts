import type { Request } from "express";
import { principalOfRequest } from "../auth/middleware";
import type { RequestContext } from "../framework/context";

/** The framework's view of an Express request. */
export function contextOf(req: Request): RequestContext {
  const user = principalOfRequest(req);
  return {
    requestId: String(req.res?.getHeader("X-Request-ID") ?? ""),
    baseUrl: `${req.protocol}://${req.get("host")}`,
    query: req.query as Record<string, unknown>,
    path: req.path,
    user,
    anonymous: !user,
  };
}
