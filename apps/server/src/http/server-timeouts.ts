import type { Server } from "node:http";
import type { Config } from "../config";

/**
 * Kept-alive connections must outlive the idle timeout of whatever sits in front
 * (load balancers: 60 s; clients such as undici: 4 s): when the server closes an idle
 * connection first, a request already sent on it fails with "other side closed".
 * Node's defaults (5 s keep-alive) lose that race; 65 s / 66 s win it (the header
 * timeout must exceed the keep-alive timeout, or a slow first line is cut as idle).
 */
export function applyServerTimeouts(server: Server, config: Pick<Config, "keepAliveTimeoutMs" | "headersTimeoutMs">) {
  server.keepAliveTimeout = config.keepAliveTimeoutMs;
  server.headersTimeout = Math.max(config.headersTimeoutMs, config.keepAliveTimeoutMs + 1000);
  // Node requires requestTimeout ≥ headersTimeout (0 = none); keep its 300 s default unless smaller.
  if (server.requestTimeout && server.requestTimeout < server.headersTimeout)
    server.requestTimeout = server.headersTimeout;
}
