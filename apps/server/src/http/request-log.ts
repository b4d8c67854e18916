import type { IncomingMessage, ServerResponse } from "node:http";
import { pinoHttp } from "pino-http";
import { principalOfRequest } from "../auth/middleware";
import type { Logger } from "../logger";

const STATUS_PATHS = new Set(["/api/status/", "/api/status/live/"]);

/**
 * One JSON line per request when its response is finished (pino-http): request id
 * (the `X-Request-ID` the response carries, so a client's report finds the line),
 * method, url, status, time, user, contract operation. Headers are not logged: they carry credentials.
 * 4xx log at warn, 5xx at error (with the cause's stack); status probes at debug, or
 * warn when not ready (a load balancer polls them every few seconds).
 */
export function requestLog(log: Logger) {
  return pinoHttp({
    logger: log,
    genReqId: (_req, res) => String(res.getHeader("X-Request-ID") ?? ""),
    serializers: {
      req: (r: {
        id: string;
        method: string;
        url: string;
        remoteAddress?: string;
        headers?: Record<string, string>;
      }) => ({
        id: r.id,
        method: r.method,
        url: r.url,
        remoteAddress: r.remoteAddress,
        userAgent: r.headers?.["user-agent"],
      }),
      res: (r: { statusCode: number }) => ({ statusCode: r.statusCode }),
    },
    customLogLevel: (req: IncomingMessage, res: ServerResponse, err?: Error) => {
      // A readiness 503 is the probe doing its job (database down, draining): not an error.
      if (STATUS_PATHS.has((req.url ?? "").split("?")[0]!)) return res.statusCode >= 400 ? "warn" : "debug";
      if (err || res.statusCode >= 500) return "error";
      return res.statusCode >= 400 ? "warn" : "info";
    },
    customSuccessObject: (req, res, val) => withUser(req, res, val),
    // A 5xx without a thrown cause (a readiness 503) gets no made-up error and stack.
    customErrorObject: (req, res, _err, val) => {
      if (!(res as ServerResponse & { err?: Error }).err) delete val.err;
      return withUser(req, res, val);
    },
    customSuccessMessage: (req, res) => `${req.method} ${req.url} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${req.url} ${res.statusCode}`,
  });
}

/** The caller and the contract operation (`dcim.racks.retrieve`), when known. */
function withUser(req: IncomingMessage, res: ServerResponse, val: Record<string, unknown>) {
  const p = principalOfRequest(req as never);
  const operation = (res as ServerResponse & { locals?: { operation?: string } }).locals?.operation;
  return { ...val, ...(operation ? { operation } : {}), ...(p ? { user: p.username } : {}) };
}
