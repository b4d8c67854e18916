import type { Request, Response } from "express";
import { writeJson } from "./json-response";

/**
 * Content negotiation of the browsable API. JSON is the default: `Accept: *\/*`, no
 * Accept, or JSON ranked at least as high as HTML gets JSON; a browser (which ranks
 * `text/html` first) gets the HTML page. `?format=json` / `?format=api` override.
 */
export function wantsHtml(req: Request): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const format = req.query.format;
  if (format === "json") return false;
  if (format === "api") return true;
  return req.accepts(["application/json", "text/html"]) === "text/html";
}

/** `Accept: application/json; indent=4` (Peering Manager, DRF): spaces to pretty-print with, at most 8. */
export function jsonIndent(req: Request): number {
  const m = /application\/(?:[\w.+-]*\+)?json[^,]*;\s*indent\s*=\s*"?(\d+)/i.exec(req.get("accept") ?? "");
  return m ? Math.min(Number(m[1]), 8) : 0;
}

/** A JSON body (`json`: already serialized), pretty-printed when the client asked for an indent. */
export function sendJson(res: Response, body: unknown, json?: string) {
  const indent = jsonIndent(res.req);
  if (!indent) return writeJson(res, body, json);
  return res.type("json").send(JSON.stringify(body, null, indent));
}
