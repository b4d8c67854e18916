import {
  type AnyField,
  type AnyResource,
  aliasDoc,
  aliasedFieldDoc,
  aliasesByField,
  type FilterParam,
  isChoice,
  isCount,
  isRelation,
  LOOKUP_DESCRIPTIONS,
} from "@rackplane/contract";
import { openapiDocument } from "@rackplane/contract/openapi";

/**
 * JSDoc text for the SDK's declarations, from the contract: route summaries and
 * descriptions, field declarations (their `description`, kind, choices, relation
 * target, constraints) and the OpenAPI document's words for the list parameters,
 * so the editor says what the document says.
 */
const doc = openapiDocument();
const sharedParameters = (doc.components as { parameters: Record<string, { description?: string }> }).parameters;

export type Role = "read" | "write" | "patch";

const STANDARD: Record<string, string> = {
  id: "The object's id, assigned by the server.",
  url: "Absolute URL of the object in the API.",
  created: "When the object was created (ISO 8601). Read-only.",
  updated: "When the object last changed (ISO 8601). Read-only.",
};

const KIND: Record<string, string> = {
  string: "Text",
  text: "Long text",
  int: "Integer",
  number: "Number",
  bool: "Boolean",
  date: "Date (`YYYY-MM-DD`)",
  datetime: "Date and time (ISO 8601)",
  json: "JSON object",
  ip: "IP address",
  cidr: "Network in CIDR notation",
  mac: "MAC address",
};

const code = (s: unknown) => `\`${String(s)}\``;

/** What one field of a resource is, for the role it plays in a type. */
export function fieldDoc(r: AnyResource, name: string, role: Role): string {
  if (name === "display") return `Human-readable name of the object (${code(r.display)}).`;
  // Before the standard names: an alias may reuse one for writes (`url`).
  const target = role === "read" ? undefined : r.writeAliases[name];
  if (target) return aliasDoc(name, target);
  if (STANDARD[name]) return STANDARD[name];
  const fd = r.fields[name];
  if (!fd) return "";
  const parts: string[] = [];
  if (fd.options.description) parts.push(sentence(fd.options.description));
  parts.push(kindDoc(fd, role));
  const o = fd.options as Record<string, unknown>;
  if (typeof o.max === "number" && (fd.kind === "string" || fd.kind === "text"))
    parts.push(`At most ${o.max} characters.`);
  else if (typeof o.max === "number" || typeof o.min === "number")
    parts.push(`Between ${o.min ?? "−∞"} and ${o.max ?? "∞"}.`);
  if (role !== "read") {
    const aliases = aliasesByField(r.writeAliases).get(name);
    if (aliases && role === "write") parts.push(aliasedFieldDoc(name, aliases));
    else if (fd.required && role === "write") parts.push("Required.");
    if (o.default !== undefined && role === "write") parts.push(`Default ${code(JSON.stringify(o.default))}.`);
  }
  if (fd.nullable) parts.push("May be null.");
  if (o.unique) parts.push("Unique (a duplicate is a 409).");
  if (fd.options.readOnly) parts.push("Read-only: set by the server.");
  if (fd.options.writeOnly) parts.push("Write-only: never returned.");
  if (fd.searchable && role === "read") parts.push("Matched by `search`.");
  return parts.filter(Boolean).join(" ");
}

function kindDoc(fd: AnyField, role: Role): string {
  if (isChoice(fd)) {
    const list = fd.choices.values.map((v) => `${code(v)} (${fd.choices.labels[v]})`).join(", ");
    return role === "read"
      ? `Choice \`{ value, label }\`; values: ${list}.`
      : `One of ${list}: the value or its label.`;
  }
  if (isRelation(fd)) {
    const many = fd.kind === "m2m";
    if (role === "read") return `The related ${code(fd.target)} object${many ? "s" : ""}, in brief form.`;
    const by = fd.by.length ? `, or an object of its ${fd.by.map(code).join("/")} naming exactly one` : "";
    return many
      ? `The related ${code(fd.target)} objects: each an id${by}.`
      : `The related ${code(fd.target)} object: its id${by}.`;
  }
  if (isCount(fd)) return `Number of ${code(fd.countOf.resource)} objects whose ${code(fd.countOf.via)} is this one.`;
  return `${KIND[fd.kind] ?? fd.kind}.`;
}

const sentence = (s: string) => (/[.!?)]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/** A list filter or control parameter. */
export function filterDoc(r: AnyResource, name: string): string {
  const shared = sharedParameters[name]?.description;
  if (shared) return shared;
  if (name === "ordering")
    return "Sort fields (at most 10); `-` for descending, `__` follows a relation. Sent comma-separated.";
  const p = r.filterParams.find((x: FilterParam) => x.name === name);
  if (!p) return "";
  const target = p.by
    ? `\`${p.field}\` by its ${p.by}`
    : p.name === `${p.field}_id`
      ? `\`${p.field}\` id`
      : `\`${p.field}\``;
  return `${target}: ${LOOKUP_DESCRIPTIONS[p.lookup]}.`;
}

/** A method: the route's summary, its description, and the HTTP call it makes. */
export function methodDoc(route: { method: string; path: string; summary?: string; description?: string }): string {
  return [route.summary && sentence(route.summary), route.description, `\`${route.method} ${route.path}\``]
    .filter(Boolean)
    .join("\n\n");
}

/** A JSDoc block at an indentation. */
export function jsdoc(text: string, indent = ""): string {
  if (!text) return "";
  const lines = text.replace(/\*\//g, "*\u2215").split("\n");
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l}` : ""}`).join("\n")}\n${indent} */\n`;
}
