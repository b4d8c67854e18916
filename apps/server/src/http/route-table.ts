import type { AppRoute, AppRouter } from "@ts-rest/core";
import { isAppRoute } from "@ts-rest/core";
import { type PathMatch, pathMatcher } from "./path-match";

export interface RouteEntry {
  /** Dotted key path in the contract, e.g. `dcim.servers.list`. */
  key: string;
  route: AppRoute;
}

/** Flattens a ts-rest router into its routes, keeping each one's key path. */
export function flattenRoutes(router: AppRouter, prefix: string[] = []): RouteEntry[] {
  const out: RouteEntry[] = [];
  for (const [name, value] of Object.entries(router)) {
    const path = [...prefix, name];
    if (isAppRoute(value)) out.push({ key: path.join("."), route: value });
    else out.push(...flattenRoutes(value as AppRouter, path));
  }
  return out;
}

/** Routes grouped by path, in declaration order (for 405/Allow and OPTIONS). */
export function groupByPath(entries: RouteEntry[]): Map<string, RouteEntry[]> {
  const m = new Map<string, RouteEntry[]>();
  for (const e of entries) {
    const list = m.get(e.route.path) ?? [];
    list.push(e);
    m.set(e.route.path, list);
  }
  return m;
}

/**
 * Path groups in the order the router mounts them — static paths before `:param` ones, so
 * `/servers/remove_from_pool/` is not taken for `/servers/:id/`. The first group whose path
 * matches answers the request (its methods, or 405).
 */
export function mountOrder(entries: RouteEntry[]): [string, RouteEntry[]][] {
  return [...groupByPath(entries)].sort(([a], [b]) => a.split(":").length - b.split(":").length);
}

/** The routes of one path, in mount order's place. */
export interface PathGroup {
  path: string;
  entries: RouteEntry[];
}

/** Every path group and the lookup of a request path's group, by the router's first-match rule. */
export interface RouteTable {
  groups: PathGroup[];
  /** The group of `path` and its parameters; throws a URIError for a parameter that is not valid percent-encoding. */
  match: (path: string) => PathMatch<PathGroup> | undefined;
}

export function routeTable(entries: RouteEntry[]): RouteTable {
  const groups = mountOrder(entries).map(([path, group]) => ({ path, entries: group }));
  return { groups, match: pathMatcher(groups.map((g) => [g.path, g])) };
}

/**
 * Whether the router takes `method` on `path`, by the same table it routes with: for
 * checks that run before routing (an Idempotency-Key must not turn a 404/405 into a 422
 * or a replay).
 */
export function routeAccepts(table: RouteTable): (method: string, path: string) => boolean {
  return (method, path) => {
    try {
      return table.match(path)?.value.entries.some((e) => e.route.method === method) ?? false;
    } catch {
      return false; // not valid percent-encoding: no route takes it (the router answers 400)
    }
  };
}

export const isBulk = (r: AppRoute) => Boolean((r.metadata as { bulk?: boolean } | undefined)?.bulk);
