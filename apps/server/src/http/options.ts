import {
  type AnyField,
  type AnyResource,
  isChoice,
  isRelation,
  resourceList,
  TransitionBody,
} from "@rackplane/contract";
import type { RequestContext } from "../framework/context";
import type { RouteEntry } from "./route-table";
import { transitionMeta } from "./transition-options";

const label = (name: string) => name.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());

function fieldMeta(name: string, fd: AnyField) {
  const meta: Record<string, unknown> = {
    type: fd.kind === "fk" ? "related" : fd.kind === "m2m" ? "related_list" : fd.kind,
    required: fd.required,
    read_only: !fd.write,
    nullable: fd.nullable,
    label: label(name),
  };
  if (fd.options.writeOnly) meta.write_only = true;
  if (fd.options.description) meta.help_text = fd.options.description;
  if ("default" in fd.options) meta.default = fd.options.default;
  if (isChoice(fd)) meta.choices = fd.choices.values.map((v) => ({ value: v, display_name: fd.choices.labels[v] }));
  if (isRelation(fd)) meta.related = { resource: fd.target, lookup_by: ["id", ...fd.by] };
  return meta;
}

function writableFields(r: AnyResource) {
  const fields: Record<string, Record<string, unknown>> = Object.fromEntries(
    Object.entries(r.fields)
      .filter(([, fd]) => fd.write)
      .map(([n, fd]) => [n, fieldMeta(n, fd)]),
  );
  // A write alias (a forwarding's `url`) names the same value: either one satisfies `required`.
  for (const [alias, target] of Object.entries(r.writeAliases)) {
    const meta = fields[target];
    if (!meta) continue;
    fields[alias] = { ...meta, required: false, write_only: true, label: label(alias), alias_of: target };
    if (meta.required) {
      meta.required = false;
      meta.help_text = `${meta.help_text ? `${meta.help_text} ` : ""}Required unless \`${alias}\` is given.`;
    }
  }
  return fields;
}

/**
 * OPTIONS metadata of a path: methods, writable fields (type, required, choices)
 * and, on lists, the filter parameters with their lookups and the ordering fields.
 */
export function optionsBody(
  path: string,
  group: RouteEntry[],
  _ctx: RequestContext,
  params: Record<string, string> = {},
): Record<string, unknown> {
  const methods = [...new Set(group.map((g) => g.route.method))];
  const base: Record<string, unknown> = {
    name: group[0]?.route.summary ?? path,
    description: "",
    renders: ["application/json"],
    parses: ["application/json"],
    methods,
  };
  const r = resourceList.find((x) => path.startsWith(x.path));
  if (!r) return base;
  base.name = label(r.name.replace(/-/g, " "));
  base.description = r.description;
  if (path === r.path) {
    const filters: Record<string, string[]> = {};
    for (const p of r.filterParams) {
      const key = p.by ? `${p.field}__${p.by}` : p.name === `${p.field}_id` ? p.name : p.field;
      const lookups = filters[key] ?? [];
      lookups.push(p.by || p.name === `${p.field}_id` ? "exact" : p.lookup);
      filters[key] = lookups;
    }
    return {
      ...base,
      actions: methods.includes("POST") ? { POST: writableFields(r) } : {},
      filters,
      filter_parameters: r.filterParams.map((p) => p.name),
      ordering: r.ordering,
      search_fields: r.searchFields,
      tag_filter: "tag" in r.fields || "tags" in r.fields ? "tag" : null,
    };
  }
  if (path === `${r.path}:id/`) return { ...base, actions: methods.includes("PUT") ? { PUT: writableFields(r) } : {} };
  if (r.workflow && path.endsWith("/transitions/:transition/")) {
    const t = r.workflow.transitions[params.transition ?? ""];
    if (t) return { ...base, ...transitionMeta(params.transition!, t) };
  }
  if (r.workflow && path.includes("/transitions/")) {
    return {
      ...base,
      name: "Transitions",
      transitions: Object.fromEntries(
        Object.entries(r.workflow.transitions).map(([n, t]) => [
          n,
          { label: t.label, source: t.from, target: t.to, parameters: Object.keys((t.params ?? TransitionBody).shape) },
        ]),
      ),
    };
  }
  return base;
}
