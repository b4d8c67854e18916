import { APIPromise, attachRequestId, type RawResult } from "./api-promise";
import type { RackplaneCore, RequestOptions } from "./client";
import { type Job, type WaitOptions, waitForJob } from "./jobs";
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

/** Query parameters that choose a page size: when the caller set one, every page keeps it. */
const PAGE_SIZE_KEYS = ["limit", "page", "page_size"];

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

    if (paginated) {
      const sized = PAGE_SIZE_KEYS.some((k) => query?.[k] !== undefined && query[k] !== null);
      return pagePromise(send(query), (next) => send(next), sized ? undefined : core.iterationPageSize);
    }
    return new APIPromise(send(query), (raw: RawResult) => attachRequestId(raw.body, raw.requestId));
  };
}

/** A route that answers 202 starts a job (its body is the job). */
export const startsJob = (route: RouteLike): boolean => 202 in route.responses;

/** Options of an `…AndWait` method: the request's, plus how to wait for the job. */
export type AndWaitOptions = RequestOptions & { wait?: WaitOptions };

/**
 * `xAndWait(...)`: calls `x` with the same arguments, then waits for the job it
 * started (`options.wait`), resolving with the finished job.
 */
function andWait(core: RackplaneCore, route: RouteLike, method: (...args: unknown[]) => PromiseLike<unknown>) {
  const optionsAt =
    [...route.path.matchAll(/:(\w+)/g)].length + (isZod(route.body) ? 1 : 0) + (isZod(route.query) ? 1 : 0);
  return async (...args: unknown[]): Promise<Job> => {
    const wait = (args[optionsAt] as AndWaitOptions | undefined)?.wait;
    const job = (await method(...args)) as Job;
    return waitForJob(core, job, { signal: (args[optionsAt] as AndWaitOptions | undefined)?.signal, ...wait });
  };
}

/** A client object with one method per route of `routes` (nested routers become nested objects). */
export function routesClient(core: RackplaneCore, routes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, r] of Object.entries(routes)) {
    if (!isRoute(r)) {
      out[methodName(name)] = routesClient(core, r as Record<string, unknown>);
      continue;
    }
    const method = routeMethod(core, r);
    out[methodName(name)] = method;
    if (startsJob(r))
      out[`${methodName(name)}AndWait`] = andWait(core, r, method as (...a: unknown[]) => PromiseLike<unknown>);
  }
  return out;
}
