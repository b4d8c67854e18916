import { z } from "zod";
import { isChoice } from "../common/fields";
import { DEFAULT_MAX_OFFSET, MAX_PAGE_SIZE } from "../common/headers";
import {
  INT32_MAX,
  LOOKUP_DESCRIPTIONS,
  MAX_ORDERING_FIELDS,
  MAX_PARAMETER_VALUES,
  NET_OPERATORS,
} from "../common/lookups";
import { CIDR_PATTERN, IP_PATTERN, MAC_PATTERN, queryFamily, queryNetwork } from "../common/net";
import { PAGINATION } from "../common/pagination";
import type { AnyResource, FilterParam } from "../common/resource";
import type { ResourceComponents } from "./components";
import { type JsonSchema, NO_NUL_PATTERN, type SchemaRegistry } from "./json-schema";

export type Parameter = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/parameters/${name}` });

/** Query parameters shared by every list, as `components.parameters`. */
export const SHARED_PARAMETERS: Record<string, Parameter> = {
  // Sizes above the maximum page size are capped, not refused: only int32 is a 400 (queryInt).
  limit: query(
    "limit",
    { type: "integer", minimum: 0, maximum: INT32_MAX },
    `Page size; larger sizes are capped at the server maximum (${MAX_PAGE_SIZE} by default; 0 = that maximum).`,
  ),
  offset: query(
    "offset",
    { type: "integer", minimum: 0, maximum: DEFAULT_MAX_OFFSET },
    `Index of the first result, at most ${DEFAULT_MAX_OFFSET} (the default: a deployment may lower or raise it with RACKPLANE_MAX_OFFSET); deeper is a 400 that points at \`cursor\`.`,
  ),
  // (page - 1) × page_size is the offset: page 1 + the maximum offset is the deepest page (with
  // page_size 1); a larger page_size lowers it, a rule between two parameters (scripts/fuzz_hooks.py).
  page: query(
    "page",
    { type: "integer", minimum: 1, maximum: DEFAULT_MAX_OFFSET + 1 },
    `Page number, from 1 (with \`page_size\`); (page - 1) × page_size is an offset, bounded like \`offset\`.`,
  ),
  page_size: query(
    "page_size",
    { type: "integer", minimum: 1, maximum: INT32_MAX },
    `Page size for \`page\`; larger sizes are capped at the server maximum (${MAX_PAGE_SIZE} by default).`,
  ),
  cursor: query(
    "cursor",
    { type: "string" },
    "Keyset pagination: empty for the first page, then the value in the `next` link. Same cost at any depth and stable while objects are added or deleted; not combinable with `offset`/`page`.",
  ),
  fields: {
    ...query(
      "fields",
      { type: "array", items: { type: "string" }, maxItems: MAX_PARAMETER_VALUES },
      "Sparse fieldset: only these fields (comma-separated or repeated); id, url and display always come. Unknown names are a 400.",
    ),
    style: "form",
    explode: true,
  },
  exclude: {
    ...query(
      "exclude",
      { type: "array", items: { type: "string" }, maxItems: MAX_PARAMETER_VALUES },
      "Every field but these (comma-separated or repeated), e.g. heavy JSON such as `local_context_data`.",
    ),
    style: "form",
    explode: true,
  },
  brief: query("brief", { type: "boolean" }, "Return brief objects (id, url, display and identifying fields)."),
  search: query(
    "search",
    { type: "string", maxLength: 200, pattern: NO_NUL_PATTERN },
    "Case-insensitive partial match over the search fields.",
  ),
  tag: {
    ...query(
      "tag",
      { type: "array", items: { type: "string" }, maxItems: MAX_PARAMETER_VALUES },
      `Tag slugs; repeat for objects carrying all of them (at most ${MAX_PARAMETER_VALUES}).`,
    ),
    style: "form",
    explode: true,
    // Go generators name parameter types after the component: `Tag` would clash with the schema.
    "x-go-name": "TagFilter",
  },
  created_by_request: query(
    "created_by_request",
    { type: "string", format: "uuid" },
    "Objects created by the request with this X-Request-ID.",
  ),
  updated_by_request: query(
    "updated_by_request",
    { type: "string", format: "uuid" },
    "Objects changed by the request with this X-Request-ID.",
  ),
  RequestId: {
    name: "X-Request-ID",
    in: "header",
    required: false,
    // Any value is accepted (the server never refuses a request for it): a UUID is kept,
    // anything else replaced by a new one, so the document does not claim `format: uuid`.
    description:
      "Your own request id: a UUID (any case) is echoed back lower-cased and stored in change records; any other value is replaced by a new UUID.",
    schema: { type: "string" },
  },
};

function query(name: string, schema: JsonSchema, description: string): Parameter {
  return { name, in: "query", required: false, description, schema };
}

/**
 * The query parameters of one route: shared list controls by reference, the
 * resource's `ordering` (an enum of its fields), and every filter with its lookup,
 * typed from the field declaration. Repeated parameters are exploded arrays
 * (`?status=new&status=free`), `__in` a comma list (`explode: false`).
 */
export function queryParameters(
  route: { query?: unknown },
  r: AnyResource | undefined,
  reg: SchemaRegistry,
  comps: ResourceComponents,
): Parameter[] {
  const q = route.query as z.AnyZodObject | undefined;
  if (!q || !(q instanceof z.ZodObject)) return [];
  const filters = new Map((r?.filterParams ?? []).map((p) => [p.name, p]));
  // The shared list controls are the resource's list and detail queries' own; an action's
  // query parameter of the same name (`available-ips/?limit=`) is documented from its schema.
  const routes = r?.routes as Record<string, { query?: unknown }> | undefined;
  const standard = !r || q === r.schemas.Filters || q === routes?.retrieve?.query;
  const out: Parameter[] = [];
  for (const [name, schema] of Object.entries(q.shape as z.ZodRawShape)) {
    if ((name === "fields" || name === "exclude") && r) out.push(fieldSelection(name, r));
    else if (name in SHARED_PARAMETERS && (standard || isPagination(name, schema))) out.push(ref(name));
    else if (name === "ordering" && r) out.push(ordering(r));
    else if (filters.has(name)) out.push(filterParameter(filters.get(name)!, r!, reg, comps));
    else out.push(generic(name, schema, reg));
  }
  return out;
}

/**
 * A list's pagination parameter, recognised by identity with the one declaration every list
 * shares (common/pagination.ts): a list under an object (`servers/<id>/firmwares/`) refers to
 * the same bounded components as a resource's own list, so no list can document a looser bound.
 */
const isPagination = (name: string, schema: z.ZodTypeAny): boolean =>
  Object.entries(PAGINATION).some(([n, s]) => n === name && s === schema);

function ordering(r: AnyResource): Parameter {
  return {
    ...query(
      "ordering",
      {
        type: "array",
        items: { type: "string", enum: r.ordering.flatMap((o) => [o, `-${o}`]) },
        maxItems: MAX_ORDERING_FIELDS,
      },
      `Sort fields, comma-separated (at most ${MAX_ORDERING_FIELDS}); \`-\` for descending, \`__\` follows a relation.`,
    ),
    style: "form",
    explode: false,
  };
}

/**
 * `fields`/`exclude` of one resource: its field names as an enum (the names the server
 * accepts; any other is a 400), so generators type them and fuzzers send real names.
 */
function fieldSelection(name: "fields" | "exclude", r: AnyResource): Parameter {
  const shared = SHARED_PARAMETERS[name] as Parameter & { schema: JsonSchema };
  return {
    ...shared,
    schema: { ...shared.schema, items: { type: "string", enum: Object.keys(r.fields) } },
  };
}

function filterParameter(p: FilterParam, r: AnyResource, reg: SchemaRegistry, comps: ResourceComponents): Parameter {
  const fd = r.fields[p.field]!;
  let scalar: JsonSchema;
  if (p.by) scalar = { type: "string", pattern: NO_NUL_PATTERN };
  else if (isChoice(fd)) scalar = comps.choiceEnum(fd.choices);
  else if (fd.kind === "fk" || fd.kind === "m2m")
    scalar = { type: "integer", minimum: -2147483648, maximum: 2147483647 };
  // Network lookups parse their own values (an address or network; a family), not the field's.
  else if (p.lookup === "family") scalar = reg.convert(queryFamily);
  else if (p.lookup in NET_OPERATORS) scalar = reg.convert(queryNetwork);
  else scalar = scalarOf(reg.convert(fd.filterScalar!), fd.kind);
  // Address patterns are long (IPv6): filters refer to one named copy of each.
  const named = typeof scalar.pattern === "string" ? PATTERN_COMPONENTS[scalar.pattern] : undefined;
  if (named && Object.keys(scalar).length === 2) {
    const own = scalar;
    scalar = reg.define(named, () => own);
  }
  const target = p.by
    ? `\`${p.field}\` by its ${p.by}`
    : p.name === `${p.field}_id`
      ? `\`${p.field}\` id`
      : `\`${p.field}\``;
  const description = `${target}: ${LOOKUP_DESCRIPTIONS[p.lookup]}.`;
  if (p.lookup === "isnull") return query(p.name, { type: "boolean" }, description);
  const param = query(p.name, { type: "array", items: scalar, maxItems: MAX_PARAMETER_VALUES }, description);
  return p.lookup === "in" ? { ...param, style: "form", explode: false } : { ...param, style: "form", explode: true };
}

const NETWORK_KINDS = new Set(["ip", "cidr", "mac"]);
const PATTERN_COMPONENTS: Record<string, string> = {
  [IP_PATTERN.any]: "IPAddressValue",
  [IP_PATTERN[4]]: "IPv4AddressValue",
  [IP_PATTERN[6]]: "IPv6AddressValue",
  [CIDR_PATTERN]: "IPNetworkValue",
  [MAC_PATTERN]: "MACAddressValue",
};

/** Filter scalars are parsed from strings; describe the type they must parse as. */
function scalarOf(s: JsonSchema, kind: string): JsonSchema {
  // Booleans also parse from `1`/`0`/`yes`/`no`; generators send `true`/`false`.
  if (kind === "bool") return { type: "boolean" };
  const out = { ...s };
  if (kind === "date") out.format = "date";
  if (kind === "datetime") out.format = "date-time";
  // A pattern describes whole values; only addresses are filtered by whole (normalised) values alone.
  // Every text value is still refused with a NUL in it (PostgreSQL text cannot hold one).
  if (!NETWORK_KINDS.has(kind)) {
    delete out.pattern;
    if (out.type === "string" && out.format === undefined) out.pattern = NO_NUL_PATTERN;
  }
  return out;
}

/** Any other declared query parameter (actions' own queries). */
function generic(name: string, schema: z.ZodTypeAny, reg: SchemaRegistry): Parameter {
  let s = reg.convert(schema);
  // `one or repeated` unions read as an exploded array.
  const any = s.anyOf as JsonSchema[] | undefined;
  const arr = any?.find((x) => x.type === "array");
  if (any && arr) s = arr;
  const p: Parameter = { name, in: "query", required: !schema.isOptional(), schema: s };
  if (s.type === "array") Object.assign(p, { style: "form", explode: true });
  if (schema.description) p.description = schema.description;
  return p;
}
