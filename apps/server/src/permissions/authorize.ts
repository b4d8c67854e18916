import { type AnyResource, resources } from "@rackplane/contract";
import type { Request } from "express";
import { principalOfRequest } from "../auth/middleware";
import { ApiError } from "../framework/errors";
import { EXEMPT, notPermitted } from "../framework/permissions";

/** Routes every resource has, by the action they need. */
const STANDARD: Record<string, string> = {
  list: "view",
  retrieve: "view",
  transitions: "view",
  create: "add",
  bulkCreate: "add",
  update: "change",
  partialUpdate: "change",
  bulkUpdate: "change",
  bulkPartialUpdate: "change",
  delete: "delete",
  bulkDelete: "delete",
};

/** Resources only superusers may change (beside those of auth/authorize.ts). */
const SUPERUSER_WRITES = new Set(["users.permissions"]);

interface Need {
  resource: AnyResource;
  /** The permission action, or how to read it from the request (a transition's name). */
  action: string | ((req: Request) => string);
}

/** Contract key path (`dcim.servers.assignServers`) → what the caller needs, from the contract. */
const needs = new Map<string, Need>();
for (const [app, rs] of Object.entries(resources)) {
  for (const [treeKey, r] of Object.entries(rs) as [string, AnyResource][]) {
    for (const [name, route] of Object.entries(r.routes as Record<string, { method: string }>)) {
      const key = `${app}.${treeKey}.${name}`;
      if (STANDARD[name]) needs.set(key, { resource: r, action: STANDARD[name]! });
      else if (name === "runTransition")
        needs.set(key, { resource: r, action: (req) => String(req.params.transition) });
      else {
        const spec = (r.actions as Record<string, { path: string } | undefined>)[name];
        needs.set(key, {
          resource: r,
          action: route.method === "GET" || !spec ? "view" : spec.path.replace(/-/g, "_"),
        });
      }
    }
  }
}

/**
 * Whether the caller's object permissions allow operation `key` at all (on some
 * object): a write they do not grant is a 403. Reads are never refused here — a
 * resource the caller may not view lists empty and answers 404, like an invisible
 * object (the SQL does that). Which objects a constrained grant covers is the data
 * layer's check (framework/service.ts, framework/permissions.ts).
 */
export function authorizePermissions() {
  return (key: string, req: Request) => {
    const need = needs.get(key);
    if (!need) return;
    const p = principalOfRequest(req);
    if (!p || p.isSuperuser) return;
    const write = !["GET", "HEAD", "OPTIONS"].includes(req.method);
    if (write && SUPERUSER_WRITES.has(need.resource.key))
      throw new ApiError(403, { detail: "Only superusers may change this resource." });
    if (!p.permissions || EXEMPT.has(need.resource.key)) return;
    const action = typeof need.action === "string" ? need.action : need.action(req);
    if (action === "view") return;
    if (!p.permissions.allows(need.resource.key, action)) throw notPermitted(action, need.resource.key);
  };
}

/** For OPTIONS: whether a read operation `key` shows the caller anything (a view grant of theirs). */
export function mayView(req: Request, key: string): boolean {
  const need = needs.get(key);
  const p = principalOfRequest(req);
  if (need?.action !== "view" || !p?.permissions || EXEMPT.has(need.resource.key)) return true;
  return p.permissions.allows(need.resource.key, "view");
}
