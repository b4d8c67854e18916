import { randomUUID } from "node:crypto";
import { API_VERSION, SUPPORTED_VERSIONS } from "@rackplane/contract";
import type { NextFunction, Request, Response } from "express";
import { ApiError } from "../framework/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `X-Request-ID`: the client's UUID if it sent one, else a new one; `API-Version` always. */
export function requestHeaders(req: Request, res: Response, next: NextFunction) {
  const given = req.get("X-Request-ID");
  res.setHeader("X-Request-ID", given && UUID.test(given) ? given.toLowerCase() : randomUUID());
  res.setHeader("API-Version", API_VERSION);
  next();
}

/** `Accept: application/json; version=N` — an unsupported N is a 406. */
export function versionNegotiation(req: Request, _res: Response, next: NextFunction) {
  const accept = req.get("Accept") ?? "";
  const m = /version\s*=\s*"?([^;,"\s]+)/i.exec(accept);
  if (m && !(SUPPORTED_VERSIONS as readonly string[]).includes(m[1]!)) {
    return next(
      new ApiError(406, {
        detail: `API version "${m[1]}" is not supported. Supported versions: ${SUPPORTED_VERSIONS.join(", ")}.`,
      }),
    );
  }
  next();
}

/** Every URL ends with `/`; 308 keeps the method and body. */
export function trailingSlash(req: Request, res: Response, next: NextFunction) {
  if (!req.path.endsWith("/") && req.path.startsWith("/api")) {
    const q = req.originalUrl.indexOf("?");
    const query = q >= 0 ? req.originalUrl.slice(q) : "";
    return res.redirect(308, `${req.path}/${query}`);
  }
  next();
}

/** A body that is not JSON is a 415 (before parsing, so nothing is read twice). */
export function requireJson(accepts: (method: string, path: string) => boolean) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const hasBody = Number(req.get("content-length") ?? 0) > 0 || req.get("transfer-encoding") !== undefined;
    if (
      hasBody &&
      !["GET", "HEAD", "OPTIONS"].includes(req.method) &&
      // The method comes first (as DRF checks it): where no route takes it, the router's 405/404 answers.
      accepts(req.method, req.path) &&
      !req.is(["application/json", "application/*+json"])
    ) {
      return next(
        new ApiError(415, {
          detail: `Unsupported media type "${req.get("content-type") ?? ""}". Send application/json.`,
        }),
      );
    }
    next();
  };
}
