import type { AppRouter } from "@ts-rest/core";
import { Document, isScalar, visit } from "yaml";
import { z } from "zod";
import { API_VERSION } from "../common/headers";
import type { AnyResource } from "../common/resource";
import * as api from "../index";
import { contract, resourceByKey, resourceList, resources } from "../index";
import { ResourceComponents, registerShared } from "./components";
import { type JsonSchema, SchemaRegistry } from "./json-schema";
import { buildPaths, CONDITIONAL_PARAMETERS, flatten, type RouteEntry, tagGroupOf, tagOf } from "./operations";
import { SHARED_PARAMETERS } from "./parameters";
import { BULK_BAD_REQUEST, ERROR_RESPONSES, HEADERS } from "./responses";

export { appDocument, appNames, appOfTags } from "./app-documents";

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
bulk create/update/delete send a JSON array to the list URL and are all-or-none (bulk
create is documented at \`<list URL>#bulk\`: the fragment is never sent).
Reads return the full model; \`?brief=1\` and \`?fields=\`/\`?exclude=\` return fewer properties.
Every response carries \`X-Request-ID\` and \`API-Version\`, JSON is compressed (gzip, br)
when \`Accept-Encoding\` allows; a method a path does not accept is a 405 with \`Allow\`.
\`OPTIONS\` on any path describes it (methods, writable fields, filters, ordering).

Access: a non-superuser sees what their groups' pools, their object permissions and the
access rules allow (see the README, Access control). An object the caller may not see does
not exist for them: a 404 like a missing id, absent from lists and \`*_count\` fields,
never matched by filters or search. A visible object's reference to it reads as \`null\`
(left out of nested lists), and a PUT or PATCH that sends that \`null\` back keeps the
stored reference (a row that cannot exist without the hidden object is hidden with it);
naming it in a write, by id or by attributes, is the same 400 as for an object that does
not exist.`;

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

  // Tags in contract order, grouped by app (`x-tagGroups`, for ReDoc).
  const tagInfo = new Map<string, { group: string; description: string }>();
  for (const e of entries) {
    const owner = owners.get(e.key.slice(0, 2).join("."));
    const name = tagOf(e, owner);
    if (!tagInfo.has(name))
      tagInfo.set(name, { group: tagGroupOf(owner), description: owner?.description ?? `${name} endpoints` });
  }
  const tags = [...tagInfo].map(([name, t]) => ({ name, description: t.description }));
  const groups = new Map<string, string[]>();
  for (const [name, t] of tagInfo) groups.set(t.group, [...(groups.get(t.group) ?? []), name]);

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
      responses: Object.fromEntries([...Object.values(ERROR_RESPONSES), BULK_BAD_REQUEST]),
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

/**
 * The document as YAML (what is committed and served by default). Written with the YAML
 * 1.1 schema, which quotes every string a 1.1 parser (PyYAML; SnakeYAML inside
 * openapi-generator and swagger-parser) would read as a boolean, number or date (`on`,
 * `no`, `1_000`, `2024-01-01`); quoted, they read the same under YAML 1.2 too.
 */
export function openapiYaml(doc: OpenApiDocument = openapiDocument()): string {
  const yaml = new Document(doc, { version: "1.1", aliasDuplicateObjects: false });
  // Lists of plain values (enums, `required`, `type: [string, "null"]`) on one line: a
  // field-name enum is one line, not one indented line per name, which keeps the document
  // under SnakeYAML's 3 MB default input limit (openapi-generator, swagger-parser).
  visit(yaml, {
    Seq(_, seq) {
      if (seq.items.every((item) => isScalar(item))) seq.flow = true;
    },
  });
  return yaml.toString({ lineWidth: 0, flowCollectionPadding: false });
}
