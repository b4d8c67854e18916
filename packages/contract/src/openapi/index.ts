import type { AppRouter } from "@ts-rest/core";
import { stringify } from "yaml";
import { z } from "zod";
import { API_VERSION } from "../common/headers";
import type { AnyResource } from "../common/resource";
import * as api from "../index";
import { contract, resourceByKey, resourceList, resources } from "../index";
import { ResourceComponents, registerShared } from "./components";
import { type JsonSchema, SchemaRegistry } from "./json-schema";
import { buildPaths, CONDITIONAL_PARAMETERS, flatten, type RouteEntry } from "./operations";
import { SHARED_PARAMETERS } from "./parameters";
import { ERROR_RESPONSES, HEADERS } from "./responses";

export interface OpenApiDocument {
  [key: string]: unknown;
  paths: Record<string, Record<string, unknown>>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters: Record<string, unknown>;
    responses: Record<string, unknown>;
    headers: Record<string, unknown>;
    securitySchemes: Record<string, unknown>;
  };
}

const DESCRIPTION = `Rackplane: one typed contract for a data-center infrastructure API.
This document is generated from the contract (\`packages/contract\`); do not edit it by hand.

Conventions: every URL ends with \`/\` (others are redirected with 308); lists are
paginated with \`limit\`/\`offset\` or \`page\`/\`page_size\`; filters take lookups with
\`__\` (\`name__icontains=web\`), repeat a parameter for OR; an unknown filter is a 400;
bulk create/update/delete send a JSON array to the list URL and are all-or-none.
Every response carries \`X-Request-ID\` and \`API-Version\`; a method a path does not
accept is a 405 with \`Allow\`.`;

/** The OpenAPI 3.1 document of the whole contract. Deterministic: same contract, same bytes. */
export function openapiDocument(
  router: AppRouter = contract,
  tree: Record<string, Record<string, unknown>> = resources,
  list: AnyResource[] = resourceList,
): OpenApiDocument {
  const reg = new SchemaRegistry();
  registerShared(reg);
  // Schemas the contract exports by name (`Me`, `TokenPair`…) keep that name.
  for (const [name, value] of Object.entries(api)) {
    const obj = value instanceof z.ZodOptional ? value.unwrap() : value;
    if (obj instanceof z.ZodObject && /^[A-Z]/.test(name)) reg.name(obj, name);
  }
  const byKey = new Map([...resourceByKey, ...list.map((r) => [r.key, r] as const)]);
  const comps = new ResourceComponents(reg, byKey);
  for (const r of list) comps.register(r);
  // ts-rest's router copies route objects, so owners are found by contract key
  // (`dcim.servers.list` → the resource at `resources.dcim.servers`).
  const owners = new Map<string, AnyResource>();
  for (const [app, rs] of Object.entries(tree))
    for (const [name, r] of Object.entries(rs)) owners.set(`${app}.${name}`, r as AnyResource);
  const entries = flatten(router);
  const paths = buildPaths(entries, (e: RouteEntry) => owners.get(e.key.slice(0, 2).join(".")), reg, comps);
  reg.define("OptionsMetadata", () => ({
    type: "object",
    description: "OPTIONS: name, description, methods; writable fields (`actions`); on lists `filters` and `ordering`.",
    properties: {
      name: { type: "string" },
      description: { type: "string" },
      methods: { type: "array", items: { type: "string" } },
    },
    required: ["name", "description", "methods"],
    additionalProperties: true,
  }));

  const tagNames = new Set<string>();
  for (const item of Object.values(paths))
    for (const op of Object.values(item)) for (const t of (op as { tags: string[] }).tags) tagNames.add(t);
  const tags = [...tagNames].map((name) => {
    const r = list.find((x) => `${x.app}/${x.name}` === name);
    return { name, description: r?.description ?? `${name} endpoints` };
  });
  const groups = new Map<string, string[]>();
  for (const t of tagNames) {
    const group = t.includes("/") ? t.split("/")[0]! : "api";
    groups.set(group, [...(groups.get(group) ?? []), t]);
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "Rackplane API",
      version: API_VERSION,
      description: DESCRIPTION,
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: "/", description: "This server" }],
    security: [{ tokenAuth: [] }, { bearerAuth: [] }],
    tags,
    "x-tagGroups": [...groups].map(([name, t]) => ({ name, tags: t })),
    paths,
    components: {
      schemas: sortKeys(reg.components),
      parameters: { ...SHARED_PARAMETERS, ...CONDITIONAL_PARAMETERS },
      responses: Object.fromEntries(Object.values(ERROR_RESPONSES)),
      headers: HEADERS,
      securitySchemes: {
        tokenAuth: {
          type: "apiKey",
          in: "header",
          name: "Authorization",
          description: "Personal API token: `Authorization: Token <40 hex characters>`.",
        },
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description: "Access token from `POST /api/token/`: `Authorization: Bearer <access>`.",
        },
        basicAuth: {
          type: "http",
          scheme: "basic",
          description: "Username and password; accepted on `/api/token/` and `/whoami`.",
        },
      },
    },
  };
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

/** The document as YAML (what is committed and served by default). */
export function openapiYaml(doc: OpenApiDocument = openapiDocument()): string {
  return stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}
