import { type AppRoute, type AppRouter, isAppRoute } from "@ts-rest/core";
import { z } from "zod";
import type { AnyResource } from "../common/resource";
import type { ResourceComponents } from "./components";
import type { JsonSchema, SchemaRegistry } from "./json-schema";
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
const METHODS_WITH_BODY = new Set(["POST", "PUT", "PATCH", "DELETE"]);

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
};

export const openapiPath = (p: string) => p.replace(/:([A-Za-z_]\w*)/g, "{$1}");

/**
 * Paths and operations. Routes sharing a path and method (create and bulk create
 * on `POST /servers/`) become one operation whose body and response are `oneOf`
 * the variants, as NetBox documents them; the single-object route names it.
 */
export function buildPaths(
  entries: RouteEntry[],
  ownerOf: (e: RouteEntry) => AnyResource | undefined,
  reg: SchemaRegistry,
  comps: ResourceComponents,
): Record<string, Record<string, unknown>> {
  const byPath = new Map<string, Map<string, RouteEntry[]>>();
  for (const e of entries) {
    const p = openapiPath(e.route.path);
    const methods = byPath.get(p) ?? new Map<string, RouteEntry[]>();
    const list = methods.get(e.route.method) ?? [];
    list.push(e);
    methods.set(e.route.method, list);
    byPath.set(p, methods);
  }
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, methods] of byPath) {
    const item: Record<string, unknown> = {};
    let tag = "";
    for (const [method, group] of methods) {
      const op = operation(group, ownerOf, reg, comps);
      tag ||= (op.tags as string[])[0]!;
      item[method.toLowerCase()] = op;
    }
    item.options = optionsOperation(path, tag, [...methods.keys()]);
    paths[path] = item;
  }
  return paths;
}

export const tagOf = (e: RouteEntry, owner: AnyResource | undefined) =>
  owner ? `${owner.app}/${owner.name}` : e.key[0]!;

function operation(
  group: RouteEntry[],
  ownerOf: (e: RouteEntry) => AnyResource | undefined,
  reg: SchemaRegistry,
  comps: ResourceComponents,
): Record<string, unknown> {
  const primary = group.find((g) => !meta(g.route).bulk) ?? group[0]!;
  const route = primary.route;
  const owner = ownerOf(primary);
  const m = meta(route);
  const operationId = m.operationId ?? primary.key.join("_");
  const op: Record<string, unknown> = {
    operationId,
    summary: route.summary ?? operationId,
    tags: [tagOf(primary, owner)],
  };
  const description = [route.description, ...group.filter((g) => g !== primary).map((g) => variantNote(g.route))]
    .filter(Boolean)
    .join("\n\n");
  if (description) op.description = description;

  const parameters: Parameter[] = [...pathParameters(route, reg)];
  if (route.method === "GET") parameters.push(...queryParameters(route as { query?: unknown }, owner, reg, comps));
  // Conditional requests, where the route declares them (304 on reads, 412 on writes).
  const declares = (status: number) => group.some((g) => status in g.route.responses);
  if (declares(304)) parameters.push({ $ref: "#/components/parameters/IfNoneMatch" });
  if (declares(412)) parameters.push({ $ref: "#/components/parameters/IfMatch" });
  parameters.push({ $ref: "#/components/parameters/RequestId" });
  op.parameters = parameters;

  const bodies = group.map((g) => (g.route as { body?: unknown }).body).filter(isZod);
  // Anonymous objects get a name from the operation, so none is emitted inline twice.
  const base = operationId.replace(/(^|_)(\w)/g, (_, _s, c: string) => c.toUpperCase());
  for (const b of bodies) nameObject(reg, b, `${base}Request`);
  for (const g of group)
    for (const [status, s] of Object.entries(g.route.responses))
      if (isZod(s)) nameObject(reg, s, `${base}${Number(status) < 300 ? "" : status}Response`);
  if (bodies.length) {
    const schemas = dedupe(bodies.map((b) => reg.convert(b)));
    op.requestBody = {
      required: bodies.every((b) => !b.isOptional()),
      content: { "application/json": { schema: schemas.length === 1 ? schemas[0] : { oneOf: schemas } } },
    };
  }
  op.responses = responses(group, reg, bodies.length > 0 && METHODS_WITH_BODY.has(route.method));
  if (m.security) op.security = m.security.map((s) => (s === "none" ? {} : { [SCHEME[s] ?? s]: [] }));
  return op;
}

function nameObject(reg: SchemaRegistry, schema: z.ZodTypeAny, name: string): void {
  const obj = schema instanceof z.ZodOptional ? schema.unwrap() : schema;
  if (obj instanceof z.ZodObject && !reg.nameOf(obj)) reg.name(obj, name);
}

function variantNote(r: AppRoute): string {
  const body = (r as { body?: unknown }).body;
  const bulk = meta(r).bulk && isZod(body) && body instanceof z.ZodArray;
  return bulk ? `${r.summary}: send a JSON array instead of one object.` : (r.summary ?? "");
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

function responses(group: RouteEntry[], reg: SchemaRegistry, hasBody: boolean): Record<string, unknown> {
  const byStatus = new Map<number, unknown[]>();
  for (const g of group) {
    for (const [status, schema] of Object.entries(g.route.responses)) {
      const list = byStatus.get(Number(status)) ?? [];
      list.push(schema);
      byStatus.set(Number(status), list);
    }
  }
  // What the server's middleware adds to every route: body limits and media type
  // only where a body is read, and the 5xx of a failing database.
  if (hasBody) {
    byStatus.set(413, byStatus.get(413) ?? []);
    byStatus.set(415, byStatus.get(415) ?? []);
  } else byStatus.delete(415);
  byStatus.set(500, byStatus.get(500) ?? []);
  byStatus.set(503, byStatus.get(503) ?? []);

  const out: Record<string, unknown> = {};
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    const schemas = byStatus.get(status)!;
    const standard = ERROR_RESPONSES[status];
    if (status >= 400 && standard && schemas.every((s) => !isZod(s) || isStandardErrorSchema(s))) {
      out[status] = { $ref: `#/components/responses/${standard[0]}` };
      continue;
    }
    const zods = schemas.filter(isZod);
    const converted = dedupe(zods.map((s) => reg.convert(s)));
    const res: Record<string, unknown> = { description: describe(status), headers: { ...STANDARD_HEADERS } };
    if (converted.length)
      res.content = {
        "application/json": { schema: converted.length === 1 ? converted[0] : { oneOf: converted } },
      };
    if ((status === 200 || status === 304) && (byStatus.has(304) || byStatus.has(412)))
      (res.headers as Record<string, unknown>).ETag = { $ref: "#/components/headers/ETag" };
    if (status === 200 && group.some((g) => meta(g.route).html))
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

function optionsOperation(path: string, tag: string, methods: string[]): Record<string, unknown> {
  const segments = path
    .split("/")
    .filter((s) => s && s !== "api")
    .map((s) => s.replace(/[{}]/g, "").replace(/-/g, "_"));
  return {
    operationId: `${segments.join("_") || "api"}_options`,
    summary: `Describe ${path}`,
    description: `Metadata of the path: the methods (${methods.join(", ")}), writable fields with type, required and choices, and on lists the filters with their lookups and the ordering fields.`,
    tags: [tag],
    parameters: [
      ...[...path.matchAll(/\{(\w+)\}/g)].map((x) => ({
        name: x[1],
        in: "path",
        required: true,
        schema: { type: "string" },
      })),
      { $ref: "#/components/parameters/RequestId" },
    ],
    responses: {
      200: {
        description: "Metadata",
        headers: { ...STANDARD_HEADERS, Allow: { $ref: "#/components/headers/Allow" } },
        content: { "application/json": { schema: { $ref: "#/components/schemas/OptionsMetadata" } } },
      },
      401: { $ref: "#/components/responses/Unauthorized" },
      406: { $ref: "#/components/responses/NotAcceptable" },
      429: { $ref: "#/components/responses/TooManyRequests" },
    },
  };
}

function dedupe(list: JsonSchema[]): JsonSchema[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const k = JSON.stringify(s);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
