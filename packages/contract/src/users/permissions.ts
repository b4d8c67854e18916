import { f } from "../common/fields";
import { defineResource } from "../common/resource";

/**
 * Object permissions: what the members of groups (and single users) may do with
 * which resources, optionally only on the objects a filter selects. See README
 * "Access control" for how they combine with pool visibility and token scopes.
 */
export const permissions = defineResource({
  app: "users",
  name: "permissions",
  model: "ObjectPermission",
  description:
    "Object permissions: resource types × actions × an optional constraint, granted to groups and users. " +
    "While no permission exists at all (and RACKPLANE_PERMISSIONS is not `enforce`), every non-superuser may read " +
    "and write everything outside users/groups (subject to token scopes and pool visibility); once one exists, a " +
    "non-superuser may do only what a permission of theirs grants. Only superusers create or change permissions; " +
    "other users see the permissions granted to them.",
  fields: {
    name: f.string({ required: true, max: 100, min: 1, unique: true, search: true }),
    description: f.string({ max: 200, search: true }),
    object_types: f.string({
      required: true,
      max: 1000,
      pattern: /^(\*|[a-z][a-z0-9-]*\.(\*|[a-z][a-z0-9-]*))(,(\*|[a-z][a-z0-9-]*\.(\*|[a-z][a-z0-9-]*)))*$/,
      description:
        "Comma-separated resource keys (`dcim.servers`), `<app>.*` for every resource of an app, or `*` for all.",
    }),
    actions: f.string({
      required: true,
      max: 500,
      pattern: /^[a-z][a-z0-9_]*(,[a-z][a-z0-9_]*)*$/,
      description:
        "Comma-separated: `view`, `add`, `change`, `delete`, or the name of an action or transition " +
        "(`assign_servers`, `deploy`); `change` also allows every named action and transition.",
    }),
    constraints: f.string({
      max: 1000,
      filter: false,
      description:
        "Only objects matching this list filter (`status=in_use&rack__name__startswith=A`), validated like the " +
        "list's query; empty = every object. Needs object types named one by one (no `*`).",
    }),
    groups: f.m2m("users.groups", { by: ["name"] }),
    users: f.m2m("users.users", { by: ["username"] }),
  },
  brief: ["name"],
  ordering: ["name"],
  tags: false,
  comments: false,
});
