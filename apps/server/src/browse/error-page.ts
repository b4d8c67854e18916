import type { Request, Response } from "express";
import { principalOfRequest } from "../auth/middleware";
import { wantsHtml } from "../http/negotiate";
import { esc, jsonHtml, layout } from "./html";
import { loginRedirect } from "./login";
import { csrfOfRequest } from "./session";

/**
 * Errors for browsers: not signed in → the login page; anything else → the error
 * body on a page (a bad filter value, a 404). Programs keep the JSON (`Vary: Accept`).
 */
export function presentError(req: Request, res: Response, status: number, body: unknown): boolean {
  res.vary("Accept");
  if (!wantsHtml(req)) return false;
  if (loginRedirect(req, res, status)) return true;
  const baseUrl = `${req.protocol}://${req.get("host")}`;
  const detail = (body as { detail?: unknown })?.detail;
  res.type("html").send(
    layout({
      title: `Error ${status}`,
      path: req.path,
      username: principalOfRequest(req)?.username,
      csrf: csrfOfRequest(req),
      body: `<h1>Error ${status}</h1>${typeof detail === "string" ? `<p class="description">${esc(detail)}</p>` : ""}
<pre class="json">${jsonHtml(body, baseUrl)}</pre>
${Object.keys(req.query).length ? `<p><a href="${esc(req.path)}">${esc(req.path)} without the query</a></p>` : ""}`,
    }),
  );
  return true;
}
