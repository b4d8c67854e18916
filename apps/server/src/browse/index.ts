import { fileURLToPath } from "node:url";
import type { Database } from "@rackplane/db";
import express, { type Router } from "express";
import type { LoginThrottle } from "../auth/login-throttle";
import type { TokenCache } from "../auth/token-cache";
import { sessionRoutes } from "./login";

export { presentError } from "./error-page";
export { presentHtml } from "./present";

const STATIC_DIR = fileURLToPath(new URL("./static/", import.meta.url));

/** The browsable API's own routes: its script and stylesheet, and browser sign-in. */
export function browseRouter(
  db: Database,
  tokens: TokenCache,
  sessionTtlSeconds: number,
  throttle: LoginThrottle,
): Router {
  const router = express.Router({ strict: true });
  router.use("/static/browse", express.static(STATIC_DIR, { maxAge: "1h", fallthrough: false }));
  router.use(sessionRoutes(db, tokens, sessionTtlSeconds, throttle));
  return router;
}
