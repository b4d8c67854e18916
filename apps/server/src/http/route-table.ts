import type { AppRoute, AppRouter } from "@ts-rest/core";
import { isAppRoute } from "@ts-rest/core";

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

export const isBulk = (r: AppRoute) => Boolean((r.metadata as { bulk?: boolean } | undefined)?.bulk);
