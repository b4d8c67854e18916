import { type FieldErrors, resourceByKey, resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { sql } from "drizzle-orm";
import {
  callerGroups,
  callerId,
  col,
  defineBinding,
  parseConstraint,
  resourcesNamed,
  STANDARD_ACTIONS,
  splitList,
} from "../../framework";
import { joinTable } from "../rules/join-table";

/**
 * Object permissions (framework/permissions.ts). A non-superuser sees the permissions
 * granted to them (to one of their groups or to themselves); only superusers write them
 * (permissions/authorize.ts).
 */
export const permissions = defineBinding(resources.users.permissions, schema.objectPermissions, {
  joinTables: {
    groups: joinTable(schema.objectPermissionGroups, "permission_id", "group_id"),
    users: joinTable(schema.objectPermissionUsers, "permission_id", "user_id"),
  },
  access: {
    rule: (a) =>
      sql`(EXISTS (SELECT 1 FROM ${schema.objectPermissionGroups} pg WHERE pg.permission_id = ${col(a, "id")} AND pg.group_id IN ${callerGroups})
        OR EXISTS (SELECT 1 FROM ${schema.objectPermissionUsers} pu WHERE pu.permission_id = ${col(a, "id")} AND pu.user_id = ${callerId}))`,
  },
  validate: [({ values }) => checkPermission(values)],
});

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
    for (const spec of Object.values(r.actions)) named.add(spec.path.replace(/-/g, "_"));
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
