import type { IncomingMessage, ServerResponse } from "node:http";
import { pino } from "pino";
import { principalOfRequest } from "../auth/middleware";
import type { Logger } from "../logger";

const STATUS_PATHS = new Set(["/api/status/", "/api/status/live/"]);

type Res = ServerResponse & { err?: Error; locals?: { operation?: string } };

/**
 * One JSON line per request when its response is finished: request id (the
 * `X-Request-ID` the response carries, so a client's report finds the line), method,
 * url, status, time, user, contract operation — the shape pino-http writes. Headers
 * are not logged: they carry credentials. 4xx log at warn, 5xx at error (with the
 * cause's stack, `res.err`); status probes at debug, or warn when not ready (a load
 * balancer polls them every few seconds).
 *
 * Written here rather than with pino-http because that builds a child logger and
 * serializes the request on every request before knowing whether the line is
 * logged at all; here a request whose level is off costs one listener and a
 * level check (a large part of the fixed per-request CPU at `warn`).
 */
export function requestLog(log: Logger) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const started = performance.now();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      res.removeListener("finish", finish);
      res.removeListener("close", finish);
      const level = levelOf(req, res as Res);
      if (!log.isLevelEnabled(level)) return;
      const r = res as Res;
      const p = principalOfRequest(req as never);
      const operation = r.locals?.operation;
      const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url;
      const line = {
        req: {
          id: String(res.getHeader("X-Request-ID") ?? ""),
          method: req.method,
          url,
          remoteAddress: req.socket?.remoteAddress,
          userAgent: req.headers["user-agent"],
        },
        res: { statusCode: res.statusCode },
        ...(r.err ? { err: pino.stdSerializers.err(r.err) } : {}),
        responseTime: Math.round(performance.now() - started),
        ...(operation ? { operation } : {}),
        ...(p ? { user: p.username } : {}),
      };
      log[level](line, res.writableFinished ? `${req.method} ${url} ${res.statusCode}` : "request aborted");
    };
    res.on("finish", finish);
    res.on("close", finish);
    // For code that logs about this request after the fact (idempotency records), as pino-http's `res.log` was.
    (res as ServerResponse & { log?: Logger }).log = log;
    next();
  };
}

function levelOf(req: IncomingMessage, res: Res): "debug" | "info" | "warn" | "error" {
  // A readiness 503 is the probe doing its job (database down, draining): not an error.
  if (STATUS_PATHS.has((req.url ?? "").split("?")[0]!)) return res.statusCode >= 400 ? "warn" : "debug";
  if (res.err || res.statusCode >= 500) return "error";
  return res.statusCode >= 400 ? "warn" : "info";
}
