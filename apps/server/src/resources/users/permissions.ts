import { type FieldErrors, resourceByKey } from "@rackplane/contract";
import { sql } from "drizzle-orm";
import type { BindingOptions } from "../../framework/binding";
import { parseConstraint, resourcesNamed, STANDARD_ACTIONS, splitList } from "../../framework/permissions";
import { callerGroups, callerId } from "../../framework/scope";
import { col } from "../../framework/sql";

/**
 * Object permissions (framework/permissions.ts). A non-superuser sees the permissions
 * granted to them (to one of their groups or to themselves); only superusers write them
 * (permissions/authorize.ts).
 */
export const permissionBinding: BindingOptions = {
  joinTables: {
    groups: { table: "object_permission_groups", ownerColumn: "permission_id", targetColumn: "group_id" },
    users: { table: "object_permission_users", ownerColumn: "permission_id", targetColumn: "user_id" },
  },
  access: {
    rule: (a) =>
      sql`(EXISTS (SELECT 1 FROM object_permission_groups pg WHERE pg.permission_id = ${col(a, "id")} AND pg.group_id IN ${callerGroups})
        OR EXISTS (SELECT 1 FROM object_permission_users pu WHERE pu.permission_id = ${col(a, "id")} AND pu.user_id = ${callerId}))`,
  },
  validate: ({ values }) => checkPermission(values),
};

/** Resource types that exist, actions they have, constraints their list would accept. */
export function checkPermission(values: Record<string, unknown>): FieldErrors | undefined {
  const errors: FieldErrors = {};
  const types = splitList(String(values.object_types ?? ""));
  const unknown = types.filter((t) => !resourcesNamed([t]).length);
  if (unknown.length) errors.object_types = [`Unknown resource type ${unknown.map((t) => `"${t}"`).join(", ")}.`];
  const keys = resourcesNamed(types);
  const named = new Set<string>(STANDARD_ACTIONS);
  for (const k of keys) {
    const r = resourceByKey.get(k)!;
    for (const spec of Object.values(r.actions as Record<string, { path: string }>))
      named.add(spec.path.replace(/-/g, "_"));
    for (const t of Object.keys(r.workflow?.transitions ?? {})) named.add(t);
  }
  const badActions = splitList(String(values.actions ?? "")).filter((x) => !named.has(x));
  if (badActions.length)
    errors.actions = [
      `Unknown action ${badActions.map((x) => `"${x}"`).join(", ")} of ${types.join(", ")}. Valid: ${[...named].join(", ")}.`,
    ];
  const constraints = String(values.constraints ?? "").trim();
  if (constraints && !unknown.length) {
    if (types.some((t) => t.includes("*"))) {
      errors.constraints = ["A constraint needs object types named one by one (no `*`)."];
    } else {
      const problems: string[] = [];
      for (const k of keys) {
        const e = parseConstraint(resourceByKey.get(k)!, constraints).errors;
        for (const [param, msgs] of Object.entries(e ?? {}))
          problems.push(`${param}: ${(Array.isArray(msgs) ? msgs : [msgs]).flat().join(" ")}`);
      }
      if (problems.length) errors.constraints = problems;
    }
  }
  return Object.keys(errors).length ? errors : undefined;
}
