import { type AppRoute, type AppRouter, isAppRoute } from "@ts-rest/core";
import { z } from "zod";
import {
  IDEMPOTENCY_KEY_DESCRIPTION,
  IDEMPOTENCY_KEY_MAX_LENGTH,
  IDEMPOTENCY_KEY_PATTERN,
  IDEMPOTENT_METHODS_WITH_KEY,
} from "../common/headers";
import type { AnyResource } from "../common/resource";
import type { ResourceComponents } from "./components";
import type { SchemaRegistry } from "./json-schema";
import { type Parameter, queryParameters } from "./parameters";
import { ERROR_RESPONSES, isStandardErrorSchema, STANDARD_HEADERS } from "./responses";

export interface RouteEntry {
  key: string[];
  route: AppRoute;
}

/** Route metadata the generator reads besides `operationId`. */
interface RouteMetadata {
  operationId?: string;
  bulk?: boolean;
  /** Also answers its 200 as an HTML page to browsers (`Accept: text/html`). */
  html?: boolean;
  /**
   * Accepted schemes (`token`, `bearer`, `basic`, `none` = anonymous too); `[]` for a
   * public route. Default (document-wide): token or bearer.
   */
  security?: readonly string[];
}

const SCHEME: Record<string, string> = { token: "tokenAuth", bearer: "bearerAuth", basic: "basicAuth" };
const isZod = (x: unknown): x is z.ZodTypeAny => x instanceof z.ZodType;
const GROUP_PARAMETERS_FROM = 8;
const METHODS_WITH_BODY = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const METHODS_WITH_KEY = new Set<string>(IDEMPOTENT_METHODS_WITH_KEY);

export function flatten(router: AppRouter, prefix: string[] = []): RouteEntry[] {
  const out: RouteEntry[] = [];
  for (const [name, value] of Object.entries(router)) {
    if (isAppRoute(value)) out.push({ key: [...prefix, name], route: value });
    else out.push(...flatten(value as AppRouter, [...prefix, name]));
  }
  return out;
}

/** Request headers of conditional requests, as `components.parameters`. */
export const CONDITIONAL_PARAMETERS = {
  IfNoneMatch: {
    name: "If-None-Match",
    in: "header",
    required: false,
    description: "An ETag you hold: 304 without a body when the object has not changed.",
    schema: { type: "string" },
  },
  IfMatch: {
    name: "If-Match",
    in: "header",
    required: false,
    description: "The ETag you read: the write is refused with 412 if the object changed since.",
    schema: { type: "string" },
  },
  /** Read by the server's idempotency middleware on every write under `/api/` (http/idempotency.ts). */
  IdempotencyKey: {
    name: "Idempotency-Key",
    in: "header",
    required: false,
    description: IDEMPOTENCY_KEY_DESCRIPTION,
    schema: { type: "string", minLength: 1, maxLength: IDEMPOTENCY_KEY_MAX_LENGTH, pattern: IDEMPOTENCY_KEY_PATTERN },
  },
};

export const openapiPath = (p: string) => p.replace(/:([A-Za-z_]\w*)/g, "{$1}");

/**
 * Paths and operations: one operation per contract route, so every operation has one
 * request schema and one schema per status (what client generators need to emit plain
 * types). Routes sharing a path and method — create and bulk create on `POST /servers/`,
 * told apart by the body (an object or an array) — cannot share a path key: the bulk
 * one gets the same path with a fragment (`/api/dcim/servers/#bulk`). A fragment is never
 * sent (RFC 3986 §3.5; every HTTP client strips it), so the request on the wire is
 * the documented one: `POST /api/dcim/servers/` with a JSON array.
 */
export function buildPaths(
  entries: RouteEntry[],
  ownerOf: (e: RouteEntry) => AnyResource | undefined,
  reg: SchemaRegistry,
  comps: ResourceComponents,
): Record<string, Record<string, unknown>> {
  const byKey = new Map<string, RouteEntry[]>();
  for (const e of entries) {
    const k = `${e.route.method} ${openapiPath(e.route.path)}`;
    byKey.set(k, [...(byKey.get(k) ?? []), e]);
  }
  const paths: Record<string, Record<string, unknown>> = {};
  for (const group of byKey.values()) {
    // The single-object route keeps the path; a bulk variant takes the `#bulk` fragment.
    const ordered = [...group].sort((a, b) => Number(!!meta(a.route).bulk) - Number(!!meta(b.route).bulk));
    ordered.forEach((e, i) => {
      const base = openapiPath(e.route.path);
      if (i > 1 || (i === 1 && !meta(e.route).bulk))
        throw new Error(`OpenAPI: ${e.key.join(".")} shares ${e.route.method} ${base} with another route`);
      const path = i === 0 ? base : `${base}${BULK_FRAGMENT}`;
      const op = operation(e, ownerOf(e), reg, comps);
      if (i === 1) op.description = [op.description, BULK_NOTE].filter(Boolean).join("\n\n");
      // The URL takes either body: an array sent to it is answered as the bulk operation,
      // errors included, so its 400 is the bulk one (a per-item array, or one object).
      if (i === 0 && ordered.length > 1) (op.responses as Record<string, unknown>)[400] = BULK_400;
      paths[path] = { ...paths[path], [e.route.method.toLowerCase()]: op };
    });
  }
  addCreateLinks(paths);
  return paths;
}

/**
 * OpenAPI links from each create's 201 to the operations on the created object
 * (`<list path>{id}/`: retrieve, update, partial update, delete), the id taken from the
 * response body. Stateful testers (schemathesis) follow them to chain create → read →
 * change → delete on real objects; documentation UIs show them as "links".
 */
function addCreateLinks(paths: Record<string, Record<string, unknown>>): void {
  for (const [path, ops] of Object.entries(paths)) {
    const created = (ops.post as { responses?: Record<string, Record<string, unknown>> } | undefined)?.responses?.[201];
    const detail = paths[`${path}{id}/`];
    if (!created || !detail) continue;
    const links: Record<string, unknown> = {};
    for (const target of Object.values(detail) as { operationId?: string }[])
      if (target.operationId)
        links[target.operationId] = { operationId: target.operationId, parameters: { id: "$response.body#/id" } };
    if (Object.keys(links).length) created.links = links;
  }
}

const BULK_400 = { $ref: "#/components/responses/BulkBadRequest" };

/** The path suffix of a bulk operation that shares its URL and method with a single-object one. */
export const BULK_FRAGMENT = "#bulk";
const BULK_NOTE =
  "Sent to the list URL itself: `#bulk` is a URL fragment, which HTTP clients never send; the server tells the two creates apart by the body (a JSON array here, one object for the single create).";

/** Tag and tag group of a route: `dcim-servers` in group `dcim` (no `/`, so Swagger UI deep links work). */
export const tagOf = (e: RouteEntry, owner: AnyResource | undefined) =>
  owner ? `${owner.app}-${owner.name}` : e.key[0]!;
export const tagGroupOf = (owner: AnyResource | undefined) => (owner ? owner.app : "api");

function operation(
  entry: RouteEntry,
  owner: AnyResource | undefined,
  reg: SchemaRegistry,
  comps: ResourceComponents,
): Record<string, unknown> {
  const route = entry.route;
  const m = meta(route);
  const operationId = m.operationId ?? entry.key.join("_");
  const op: Record<string, unknown> = {
    operationId,
    summary: route.summary ?? operationId,
    tags: [tagOf(entry, owner)],
  };
  if (route.description) op.description = route.description;

  const parameters: Parameter[] = [...pathParameters(route, reg)];
  if (route.method === "GET") parameters.push(...queryParameters(route as { query?: unknown }, owner, reg, comps));
  // Conditional requests, where the route declares them (304 on reads, 412 on writes).
  if (304 in route.responses) parameters.push({ $ref: "#/components/parameters/IfNoneMatch" });
  if (412 in route.responses) parameters.push({ $ref: "#/components/parameters/IfMatch" });
  const idempotent = METHODS_WITH_KEY.has(route.method);
  if (idempotent) parameters.push({ $ref: "#/components/parameters/IdempotencyKey" });
  parameters.push({ $ref: "#/components/parameters/RequestId" });
  op.parameters = parameters;
  // Lists take 100+ filters: generators that read this (Java's okhttp-gson) build a request
  // object (`.rack(…).limit(5).execute()`) instead of a method with every filter positional.
  if (parameters.length > GROUP_PARAMETERS_FROM) op["x-group-parameters"] = true;

  const body = (route as { body?: unknown }).body;
  // Anonymous objects get a name from the operation, so none is emitted inline twice.
  const base = operationId.replace(/(^|_)(\w)/g, (_, _s, c: string) => c.toUpperCase());
  if (isZod(body)) nameObject(reg, body, `${base}Request`);
  for (const [status, s] of Object.entries(route.responses))
    if (isZod(s)) nameObject(reg, s, `${base}${Number(status) < 300 ? "" : status}Response`);
  const bulk = isZod(body) && body instanceof z.ZodArray;
  if (isZod(body)) {
    // An empty array body is refused before any handler ("Send at least one item.", http/router.ts).
    // No `uniqueItems` on bulk deletes (whose items are only the id, so it would say "one id twice is
    // a 400" exactly): openapi-generator types such an array as a Set — typescript-axios sends a
    // `Set<IdOnly>` through JSON.stringify as `{}` — so the rule is said in the operation's description
    // (scripts/fuzz_hooks.py matches its message).
    const schema = bulk ? { minItems: 1, ...reg.convert(body) } : reg.convert(body);
    op.requestBody = { required: !body.isOptional(), content: { "application/json": { schema } } };
  }
  op.responses = responses(route, reg, isZod(body) && METHODS_WITH_BODY.has(route.method), bulk, idempotent);
  if (m.security) op.security = m.security.map((s) => (s === "none" ? {} : { [SCHEME[s] ?? s]: [] }));
  return op;
}

function nameObject(reg: SchemaRegistry, schema: z.ZodTypeAny, name: string): void {
  const obj = schema instanceof z.ZodOptional ? schema.unwrap() : schema;
  if (obj instanceof z.ZodObject && !reg.nameOf(obj)) reg.name(obj, name);
}

function meta(r: AppRoute): RouteMetadata {
  return (r.metadata ?? {}) as RouteMetadata;
}

function pathParameters(route: AppRoute, reg: SchemaRegistry): Parameter[] {
  const names = [...route.path.matchAll(/:([A-Za-z_]\w*)/g)].map((x) => x[1]!);
  const shape = isZod(route.pathParams) ? ((route.pathParams as z.AnyZodObject).shape as z.ZodRawShape) : {};
  return names.map((name) => ({
    name,
    in: "path",
    required: true,
    schema: shape[name] ? reg.convert(shape[name]) : { type: "string" },
  }));
}

function responses(
  route: AppRoute,
  reg: SchemaRegistry,
  hasBody: boolean,
  bulk: boolean,
  idempotent: boolean,
): Record<string, unknown> {
  const byStatus = new Map<number, unknown>(Object.entries(route.responses).map(([k, v]) => [Number(k), v]));
  // What the server's middleware adds to every route: body limits and media type
  // only where a body is read, and the 5xx of a failing database.
  if (hasBody) {
    if (!byStatus.has(413)) byStatus.set(413, undefined);
    if (!byStatus.has(415)) byStatus.set(415, undefined);
  } else byStatus.delete(415);
  // An `Idempotency-Key` still running (409) or used for another request (422).
  if (idempotent) for (const st of [409, 422]) if (!byStatus.has(st)) byStatus.set(st, undefined);
  // Any request can carry a query string or headers longer than the HTTP parser reads.
  if (!byStatus.has(431)) byStatus.set(431, undefined);
  if (!byStatus.has(500)) byStatus.set(500, undefined);
  if (!byStatus.has(503)) byStatus.set(503, undefined);

  const out: Record<string, unknown> = {};
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    const schema = byStatus.get(status);
    const standard = ERROR_RESPONSES[status];
    if (status === 400 && bulk && (!isZod(schema) || isStandardErrorSchema(schema))) {
      out[status] = { $ref: "#/components/responses/BulkBadRequest" };
      continue;
    }
    if (status >= 400 && standard && (!isZod(schema) || isStandardErrorSchema(schema))) {
      out[status] = { $ref: `#/components/responses/${standard[0]}` };
      continue;
    }
    const res: Record<string, unknown> = { description: describe(status), headers: { ...STANDARD_HEADERS } };
    if (isZod(schema)) res.content = { "application/json": { schema: reg.convert(schema) } };
    if ((status === 200 || status === 304) && (byStatus.has(304) || byStatus.has(412)))
      (res.headers as Record<string, unknown>).ETag = { $ref: "#/components/headers/ETag" };
    if (idempotent && status < 300)
      (res.headers as Record<string, unknown>)["Idempotent-Replayed"] = {
        $ref: "#/components/headers/Idempotent-Replayed",
      };
    if (status === 200 && meta(route).html)
      res.content = { ...(res.content as object), "text/html": { schema: { type: "string" } } };
    out[status] = res;
  }
  return out;
}

function describe(status: number): string {
  const own: Record<number, string> = {
    200: "OK",
    201: "Created",
    202: "Accepted: a job was started",
    204: "Done; no body",
    304: "Not modified: `If-None-Match` names the current ETag",
  };
  return (own[status] ?? ERROR_RESPONSES[status]?.[1].description ?? `Status ${status}`) as string;
}
