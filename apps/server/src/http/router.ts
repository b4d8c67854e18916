import { queryCounter } from "@rackplane/db";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { z } from "zod";
import { ApiError, badRequest, notFound, splitBulkErrors, zodToFieldErrors } from "../framework/errors";
import { plainBody } from "../framework/render";
import { validateBody } from "./bulk-validation";
import type { Handler, HandlerResult } from "./handler";
import { sendJson } from "./negotiate";
import { optionsBody } from "./options";
import { contextOf } from "./request-context";
import { isBulk, type PathGroup, type RouteEntry, type RouteTable } from "./route-table";

export interface MountOptions {
  /** Validate every response against the contract (tests); a mismatch is a 500. */
  validateResponses?: boolean;
  /** Send `X-Query-Count` (SQL statements the request issued) for tests and benchmarks. */
  exposeQueryCount?: boolean;
  /** Throws (401/403) when the caller may not run the operation `key`. */
  authorize?: (key: string, req: Request) => void;
  /** Whether this caller may run operation `key` (OPTIONS lists only those); default: all. */
  permits?: (key: string, req: Request) => boolean;
  /** Fields a client may send but the server ignores (read-only), per route. */
  readOnlyKeys: (key: string) => Set<string>;
  /** Turns a result into what this request asked for (the browsable API's HTML page). */
  present?: (req: Request, path: string, group: RouteEntry[], result: HandlerResult) => HandlerResult;
}

const isZod = (x: unknown): x is z.ZodTypeAny => typeof x === "object" && x !== null && "safeParse" in x;
const ALLOWED_QUERY_ALWAYS = new Set(["format"]);

/**
 * Serves a contract: one handler per path, found in the route table, dispatching on method (and, for
 * bulk, on whether the body is an array), validating params, query and body with
 * the contract's schemas, answering OPTIONS and 405 with `Allow` from the same
 * table.
 */
export function serveContract(table: RouteTable, handlers: Map<string, Handler>, opts: MountOptions): RequestHandler {
  for (const { entries } of table.groups)
    for (const e of entries)
      if (!handlers.has(e.key)) throw new Error(`no handler for ${e.key} (${e.route.method} ${e.route.path})`);
  const served = new Map<PathGroup, RequestHandler>();
  for (const pathGroup of table.groups) {
    const { path, entries: group } = pathGroup;
    const allowOf = (entries: RouteEntry[]) => {
      const methods = [...new Set(entries.map((g) => g.route.method))];
      return [...methods, ...(methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
    };
    const allow = allowOf(group);
    served.set(pathGroup, async (req: Request, res: Response, next: NextFunction) => {
      res.vary("Accept"); // JSON or the browsable API's HTML, errors included
      // On every response of the path, errors included (Alpacon shows it on a 400), not only 405/OPTIONS.
      res.setHeader("Allow", allow);
      try {
        if (req.method === "OPTIONS") {
          opts.authorize?.(group[0]!.key, req);
          // What this caller may do here: their permissions and token decide.
          const mine = opts.permits ? group.filter((g) => opts.permits!(g.key, req)) : group;
          res.setHeader("Allow", allowOf(mine));
          return send(res, { status: 200, body: optionsBody(path, mine, contextOf(req), req.params) });
        }
        const method = req.method === "HEAD" ? "GET" : req.method;
        const candidates = group.filter((g) => g.route.method === method);
        if (!candidates.length) throw new ApiError(405, { detail: `Method "${req.method}" not allowed.` });
        const bodyIsArray = Array.isArray(req.body);
        const entry =
          candidates.find((c) => isBulk(c.route) === bodyIsArray) ??
          candidates.find((c) => !isBulk(c.route)) ??
          candidates[0]!;
        res.locals.operation = entry.key; // named in the request log line and error reports
        opts.authorize?.(entry.key, req);
        const result = await run(entry, req, handlers.get(entry.key)!, opts);
        if (opts.validateResponses) await checkResponse(entry, result);
        if (opts.exposeQueryCount) res.setHeader("X-Query-Count", String(queryCounter.getStore()?.count ?? 0));
        send(res, opts.present ? opts.present(req, path, group, result) : result);
      } catch (err) {
        next(err);
      }
    });
  }
  return (req, res, next) => {
    let found: ReturnType<RouteTable["match"]>;
    try {
      found = table.match(req.path);
    } catch (err) {
      return next(err); // a path parameter that is not valid percent-encoded UTF-8
    }
    if (!found) return next();
    req.params = found.params;
    served.get(found.value)!(req, res, next);
  };
}

async function run(entry: RouteEntry, req: Request, handler: Handler, opts: MountOptions): Promise<HandlerResult> {
  const { route } = entry;
  let params: Record<string, unknown> = req.params;
  if (isZod(route.pathParams)) {
    const r = route.pathParams.safeParse(req.params);
    if (!r.success) throw notFound();
    params = r.data;
  }
  let query: Record<string, unknown> = {};
  const rawQuery = Object.fromEntries(Object.entries(req.query).filter(([k]) => !ALLOWED_QUERY_ALWAYS.has(k)));
  if (route.method === "GET" && isZod(route.query)) {
    const r = route.query.safeParse(rawQuery);
    if (!r.success) {
      const valid = Object.keys((route.query as unknown as z.AnyZodObject).shape ?? {});
      throw badRequest(
        zodToFieldErrors(r.error, () => `Unknown query parameter. Valid parameters: ${valid.join(", ")}.`),
      );
    }
    query = r.data;
  }
  let body: unknown;
  const bodySchema = (route as { body?: unknown }).body;
  if (route.method !== "GET" && isZod(bodySchema)) {
    let readOnly = opts.readOnlyKeys(entry.key);
    // Bulk update and delete items name their object by `id`.
    if (isBulk(route) && route.method !== "POST") readOnly = new Set([...readOnly].filter((k) => k !== "id"));
    const r = await validateBody(bodySchema, req.body, stripOf(readOnly), () => "Unknown field.");
    if (!r.success) throw badRequest(Array.isArray(req.body) ? splitBulkErrors(r.errors, req.body.length) : r.errors);
    body = r.data;
    if (Array.isArray(body) && body.length === 0) throw badRequest({ non_field_errors: ["Send at least one item."] });
  }
  return handler({ params, query, body, ctx: contextOf(req), req });
}

/** Read-only fields a client sends back (id, url, counts…) are ignored, not errors: drops them from one item. */
function stripOf(keys: Set<string>): (o: unknown) => unknown {
  if (!keys.size) return (o) => o;
  return (o) => {
    if (typeof o !== "object" || o === null || Array.isArray(o)) return o;
    return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.has(k)));
  };
}

async function checkResponse(entry: RouteEntry, result: HandlerResult) {
  if (result.html !== undefined) return;
  const schema = (entry.route.responses as Record<number, unknown>)[result.status];
  if (schema === undefined)
    throw new Error(`${entry.key} answered ${result.status}, which the contract does not declare`);
  if (!isZod(schema)) return;
  // In chunks like a bulk body: checking a 20k-item response must not stall the server either.
  const r = await validateBody(
    schema,
    plainBody(result.body),
    (o) => o,
    () => "not in the contract",
  );
  if (!r.success) {
    throw new Error(
      `${entry.key} ${result.status} response breaks the contract: ${JSON.stringify(r.errors).slice(0, 600)}`,
    );
  }
}

export function send(res: Response, result: HandlerResult) {
  for (const [k, v] of Object.entries(result.headers ?? {})) res.setHeader(k, v);
  res.status(result.status);
  if (result.html !== undefined) {
    res.type("html").send(result.html);
  } else if (result.body === undefined || result.status === 204) {
    res.end();
  } else {
    sendJson(res, result.body, result.json);
  }
}
