import { APIPromise, attachRequestId, type RawResult } from "./api-promise";
import type { RackplaneCore, RequestOptions } from "./client";
import { pagePromise } from "./pagination";

/** The runtime shape of a ts-rest route that the client needs. */
export interface RouteLike {
  method: string;
  path: string;
  pathParams?: unknown;
  body?: unknown;
  query?: unknown;
  responses: Record<number, unknown>;
}

const isZod = (x: unknown): boolean => typeof x === "object" && x !== null && "safeParse" in x;
const isRoute = (x: unknown): x is RouteLike =>
  typeof x === "object" && x !== null && typeof (x as RouteLike).method === "string" && "path" in x;

const RENAMES: Record<string, string> = { partialUpdate: "patch", bulkPartialUpdate: "bulkPatch" };
export const methodName = (route: string) => RENAMES[route] ?? route;

/** A GET whose 200 schema has `count` and `results` answers with pages. */
function isPaginated(route: RouteLike): boolean {
  const shape = (route.responses[200] as { shape?: Record<string, unknown> } | undefined)?.shape;
  return route.method === "GET" && !!shape && "results" in shape && "count" in shape;
}

/**
 * Turns one route into a function. Arguments are positional in the order the
 * types in `types.ts` give: path parameters (in path order), the body when the
 * route takes one, the query when it has one, then request options.
 */
export function routeMethod(core: RackplaneCore, route: RouteLike) {
  const pathKeys = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const hasBody = isZod(route.body);
  const hasQuery = isZod(route.query);
  const paginated = isPaginated(route);

  return (...args: unknown[]) => {
    let i = 0;
    const values = new Map<string, unknown>();
    for (const key of pathKeys) values.set(key, args[i++]);
    // A route that takes a body gets `{}` when the caller leaves an all-optional body out.
    const body = hasBody ? (args[i++] ?? {}) : undefined;
    const query = hasQuery ? (args[i++] as Record<string, unknown> | undefined) : undefined;
    const options = args[i] as RequestOptions | undefined;

    const path = route.path.replace(/:(\w+)/g, (_, key: string) => {
      const v = values.get(key);
      if (v === undefined || v === null || v === "") throw new TypeError(`Missing path parameter "${key}".`);
      return encodeURIComponent(String(v));
    });
    const send = (q: Record<string, unknown> | URLSearchParams | undefined) =>
      core.request({ method: route.method, path, query: q, body, options });

    if (paginated) return pagePromise(send(query), (next) => send(next));
    return new APIPromise(send(query), (raw: RawResult) => attachRequestId(raw.body, raw.requestId));
  };
}

/** A client object with one method per route of `routes` (nested routers become nested objects). */
export function routesClient(core: RackplaneCore, routes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, r] of Object.entries(routes)) {
    out[methodName(name)] = isRoute(r) ? routeMethod(core, r) : routesClient(core, r as Record<string, unknown>);
  }
  return out;
}
