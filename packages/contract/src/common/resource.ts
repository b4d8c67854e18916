import { type ContractNoBodyType, initContract } from "@ts-rest/core";
import { z } from "zod";
import { type AnyField, type Fields, f, isRelation, type RelationFieldDef } from "./fields";
import {
  type Lookup,
  lookupSchema,
  MAX_ORDERING_FIELDS,
  paramName,
  queryBoolean,
  queryInt,
  repeatable,
} from "./lookups";
import { PAGINATION, PAGINATION_PARAMS } from "./pagination";
import {
  commonErrors,
  ErrorDetail,
  IdOnly,
  idempotentWriteErrors,
  NestedBase,
  paginated,
  ValidationError,
} from "./schemas";
import { type Workflow, workflowRoutes } from "./workflow";
import { type AliasedWrite, type AliasesOf, aliased, type WriteAliases } from "./write-aliases";

const c = initContract();

/** Bulk writes by id lock each row once (framework/service.ts lockRows). */
const ONE_ID_ONCE = 'Each id at most once: an id sent twice is a 400 ("Id N appears more than once.").';

export const LIST_CONTROL_PARAMS = [
  ...PAGINATION_PARAMS,
  "brief",
  "ordering",
  "search",
  "tag",
  "created_by_request",
  "updated_by_request",
  "fields",
  "exclude",
] as const;

export interface ResourceOptions<F extends Fields, B extends keyof F & string> {
  /** First URL segment after `/api/`. */
  app: string;
  /** Plural kebab-case URL segment. */
  name: string;
  /** Singular PascalCase model name; schema components are named after it. */
  model: string;
  description: string;
  fields: F;
  /** Identifying fields of the brief/nested representation (besides id, url, display). */
  brief: readonly B[];
  /** Template of `display`, with `{field}` placeholders over brief fields. */
  display?: string;
  /** Default ordering; `id` is always appended so pages are stable. */
  ordering?: readonly string[];
  /** `tags` M2M (default true). */
  tags?: boolean;
  /** `comments` text (default true). */
  comments?: boolean;
  workflow?: Workflow;
  /** Extra names for existing filters, e.g. `{ parent: "address__net_contained_or_equal" }`. */
  filterAliases?: Record<string, string>;
  /** Served read-only: list and retrieve only (change log, delivery history). */
  readOnly?: boolean;
  /**
   * Other names writes accept for a field, `{ alias: field }` (write-aliases.ts): a
   * source system's spelling that cannot be the field's own name, like `url`, which
   * every object already reads as its address.
   */
  writeAliases?: { [alias: string]: keyof F & string };
  /**
   * Extra actions, keyed by route name: `/api/<app>/<name>/<id>/<path>/` when
   * `detail`, else `/api/<app>/<name>/<path>/`. Their handlers live on the server binding.
   */
  actions?: Record<string, ActionSpec>;
}

export interface ActionSpec {
  /** URL segment, snake_case as in the source documents (`assign_servers`). */
  path: string;
  detail: boolean;
  /** Served at the app's root, `/api/<app>/<path>/` (e.g. `/api/discovery/run_scan/`). */
  appLevel?: boolean;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: z.ZodTypeAny;
  query?: z.ZodTypeAny;
  responses: Record<number, z.ZodTypeAny>;
  summary: string;
  description?: string;
}

/** Fields every resource gets; `tags` and `comments` unless turned off. */
const standardFields = {
  id: f.int({ readOnly: true }),
  created: f.datetime({ readOnly: true }),
  updated: f.datetime({ readOnly: true }),
};
const taggable = { tags: f.m2m("core.tags", { by: ["slug", "name"] }) };
const commentable = { comments: f.text() };

type StdFields<O> = typeof standardFields &
  (O extends { tags: false } ? {} : typeof taggable) &
  (O extends { comments: false } ? {} : typeof commentable);

type Shape<F extends Fields, P extends "read" | "write"> = {
  [K in keyof F as F[K][P] extends z.ZodNever
    ? never
    : F[K][P] extends z.ZodTypeAny
      ? K
      : never]: F[K][P] extends z.ZodTypeAny ? F[K][P] : never;
};
type OptionalShape<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<S[K]> };
/** A bulk update/patch item's `id` (module level: the declaration files name it instead of inlining it). */
type IdShape = { id: z.ZodNumber };

/** A resource's fields with the standard ones (id, created, updated, tags, comments). */
type AllFieldsOf<F extends Fields, O> = StdFields<O> & F;

type CreateShape<F extends Fields> = {
  [K in keyof F as F[K]["write"] extends z.ZodTypeAny
    ? F[K] extends { required: true }
      ? K
      : never
    : never]: F[K]["write"] extends z.ZodTypeAny ? F[K]["write"] : never;
} & {
  [K in keyof F as F[K]["write"] extends z.ZodTypeAny
    ? F[K] extends { required: true }
      ? never
      : K
    : never]: F[K]["write"] extends z.ZodTypeAny ? z.ZodOptional<F[K]["write"]> : never;
};

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type LookupInput<L, S> = L extends "isnull" ? boolean | "true" | "false" : L extends "in" ? string | S[] : S | S[];
type FieldFilterInput<K extends string, F> = F extends { read: z.ZodNever }
  ? {} // write-only: no filters (fields.ts)
  : F extends RelationFieldDef<infer _K, infer _R, infer _W, infer By>
    ? { [P in K | `${K}_id` as P]?: number | number[] } & {
        [P in Exclude<F["lookups"][number], "exact"> as `${K}__${P}`]?: LookupInput<P, number>;
      } & { [P in By as `${K}__${P}`]?: string | string[] }
    : F extends { lookups: readonly (infer L extends Lookup)[]; _scalar?: infer S }
      ? { [P in L as P extends "exact" ? K : `${K}__${P}`]?: LookupInput<P, S> }
      : {};
type FiltersInput<F extends Fields> = UnionToIntersection<
  { [K in keyof F & string]: FieldFilterInput<K, F[K]> }[keyof F & string]
>;

export interface ListControls {
  limit?: number;
  offset?: number;
  page?: number;
  page_size?: number;
  brief?: boolean | "true" | "false" | "1" | "0";
  /** Comma-separated fields, `-` for descending, `__` to follow a relation. */
  ordering?: string | string[];
  search?: string;
  /** Tag slugs; objects must carry all of them. */
  tag?: string | string[];
  created_by_request?: string;
  updated_by_request?: string;
  /** Keyset pagination: "" for the first page, then the cursor of the `next` link. */
  cursor?: string;
  /** Sparse fieldset: only these fields (id, url and display always come). */
  fields?: string | string[];
  /** Every field but these (e.g. heavy JSON such as `local_context_data`). */
  exclude?: string | string[];
}

/** What the server receives after a filter parameter is parsed. */
export type ParsedFilterValue = unknown[] | boolean;

export interface FilterParam {
  name: string;
  field: string;
  lookup: Lookup;
  /** For relation filters by a target attribute (`rack__name`), that attribute. */
  by?: string;
  schema: z.ZodTypeAny;
}

function filterParamsOf(name: string, fd: AnyField): FilterParam[] {
  if (!fd.filterScalar) return [];
  const out: FilterParam[] = [];
  for (const lookup of fd.lookups) {
    out.push({ name: paramName(name, lookup), field: name, lookup, schema: lookupSchema(lookup, fd.filterScalar) });
  }
  if (isRelation(fd)) {
    if (fd.kind === "fk")
      out.push({ name: `${name}_id`, field: name, lookup: "exact", schema: repeatable(fd.filterScalar) });
    for (const by of fd.by) {
      out.push({ name: `${name}__${by}`, field: name, lookup: "exact", by, schema: repeatable(z.string()) });
    }
  }
  return out;
}

function orderingOf(fields: Fields): string[] {
  const out: string[] = [];
  for (const [name, fd] of Object.entries(fields)) {
    if (fd.orderable) out.push(name);
    if (fd.kind === "fk" && !fd.options.writeOnly)
      for (const by of (fd as RelationFieldDef).by) out.push(`${name}__${by}`);
  }
  return out;
}

const uuid = z.string().uuid("Must be a valid UUID.");

/**
 * Defines a resource once: its schemas (Read, Brief, Create, Update, Patch, Filters),
 * its routes (list, create, bulk create/update/patch/delete, retrieve, update, patch,
 * delete, workflow transitions) and the metadata the server and the OpenAPI
 * generator read.
 */
type Built<F extends Fields, B extends keyof F & string, O extends ResourceOptions<F, B>> = ReturnType<
  typeof buildResource<F, B, O>
>;

/**
 * What `defineResource` returns, as a named generic type: declaration files then
 * say `Resource<fields, brief, options>` instead of spelling out every schema.
 * Expanded, the resource tree is too large for TypeScript to emit (TS7056), and
 * the published SDK ships these declarations.
 */
export interface Resource<F extends Fields, B extends keyof F & string, O extends ResourceOptions<F, B>> {
  key: string;
  app: string;
  name: string;
  model: string;
  path: string;
  description: string;
  fields: Built<F, B, O>["fields"];
  brief: Built<F, B, O>["brief"];
  display: string;
  defaultOrdering: string[];
  ordering: string[];
  searchFields: string[];
  filterParams: FilterParam[];
  workflow: Built<F, B, O>["workflow"];
  writeAliases: WriteAliases;
  schemas: Built<F, B, O>["schemas"];
  actions: Built<F, B, O>["actions"];
  routes: Built<F, B, O>["routes"];
}

export function defineResource<
  const F extends Fields,
  const B extends keyof F & string,
  const O extends ResourceOptions<F, B>,
>(opts: O & ResourceOptions<F, B>): Resource<F, B, O> {
  return buildResource<F, B, O>(opts);
}

function buildResource<F extends Fields, B extends keyof F & string, O extends ResourceOptions<F, B>>(
  opts: O & ResourceOptions<F, B>,
) {
  // A module-level alias, so declaration files name it instead of expanding it inline.
  type AllFields = AllFieldsOf<F, O>;
  const fields = {
    ...standardFields,
    ...(opts.tags === false ? {} : taggable),
    ...(opts.comments === false ? {} : commentable),
    ...opts.fields,
  } as unknown as AllFields;
  const key = `${opts.app}.${opts.name}`;
  const path = `/api/${opts.app}/${opts.name}/`;

  const readShape: Record<string, z.ZodTypeAny> = { id: z.number().int(), url: z.string().url(), display: z.string() };
  const createShape: Record<string, z.ZodTypeAny> = {};
  const briefShape: Record<string, z.ZodTypeAny> = { id: z.number().int(), url: z.string().url(), display: z.string() };
  for (const [name, fd] of Object.entries(fields as Fields)) {
    if (!fd.options.writeOnly) readShape[name] = fd.read; // passwords are never read back
    if (fd.write) createShape[name] = fd.required ? fd.write : fd.write.optional();
  }
  for (const name of opts.brief) briefShape[name] = (fields as Fields)[name]!.read;
  const writeAliases: WriteAliases = { ...opts.writeAliases };
  for (const [alias, target] of Object.entries(writeAliases)) {
    const fd = (fields as Fields)[target];
    if (!fd?.write || alias in createShape)
      throw new Error(`${key}: write alias ${alias} → ${target} is not a free name for a writable field`);
    createShape[alias] = fd.write.optional();
  }

  const Read = z.object(readShape) as unknown as z.ZodObject<
    { id: z.ZodNumber; url: z.ZodString; display: z.ZodString } & Shape<AllFields, "read">
  >;
  const Brief = z.object(briefShape) as unknown as z.ZodObject<
    { id: z.ZodNumber; url: z.ZodString; display: z.ZodString } & Pick<
      Shape<AllFields, "read">,
      B & keyof Shape<AllFields, "read">
    >
  >;
  const CreateObject = z.object(createShape).strict();
  const PatchObject = CreateObject.partial().strict();
  const id = z.number({ required_error: "Each item needs its id." }).int().positive();
  // With write aliases each is the object behind the folding step (write-aliases.ts), else the object itself.
  const Create = aliased(CreateObject, writeAliases, path) as unknown as AliasedWrite<
    CreateShape<AllFields>,
    AliasesOf<O>
  >;
  const Update = Create;
  const Patch = aliased(PatchObject, writeAliases, path) as unknown as AliasedWrite<
    OptionalShape<CreateShape<AllFields>>,
    AliasesOf<O>
  >;
  const BulkUpdateItem = aliased(CreateObject.extend({ id }), writeAliases, path) as unknown as AliasedWrite<
    CreateShape<AllFields> & IdShape,
    AliasesOf<O>
  >;
  const BulkPatchItem = aliased(PatchObject.extend({ id }), writeAliases, path) as unknown as AliasedWrite<
    OptionalShape<CreateShape<AllFields>> & IdShape,
    AliasesOf<O>
  >;

  const filterParams: FilterParam[] = [];
  for (const [name, fd] of Object.entries(fields as Fields)) filterParams.push(...filterParamsOf(name, fd));
  for (const [alias, target] of Object.entries(opts.filterAliases ?? {})) {
    const p = filterParams.find((x) => x.name === target);
    if (!p) throw new Error(`${key}: filter alias ${alias} → unknown filter ${target}`);
    filterParams.push({ ...p, name: alias });
  }
  const ordering = orderingOf(fields as Fields);
  const searchFields = Object.entries(fields as Fields)
    .filter(([, fd]) => fd.searchable)
    .map(([n]) => n);

  const fieldNames = Object.keys(fields as Fields);
  const fieldList = repeatable(z.string()).transform((parts, ctx) => {
    const out = parts
      .flatMap((p) => p.split(","))
      .map((p) => p.trim())
      .filter(Boolean);
    const bad = out.filter((o) => !fieldNames.includes(o));
    if (bad.length) {
      ctx.addIssue({
        code: "custom",
        message: `Unknown field ${bad.map((b) => `"${b}"`).join(", ")}. Valid fields: ${fieldNames.join(", ")}.`,
      });
      return z.NEVER;
    }
    return out;
  });
  const listShape: Record<string, z.ZodTypeAny> = {
    // Pagination as every list has it (common/pagination.ts); `cursor` where it always was
    // in the parameter list (generated clients with positional parameters keep their order).
    limit: PAGINATION.limit,
    offset: PAGINATION.offset,
    page: PAGINATION.page,
    page_size: PAGINATION.page_size,
    brief: queryBoolean.optional(),
    ordering: repeatable(z.string())
      .transform((parts, ctx) => {
        const out = parts
          .flatMap((p) => p.split(","))
          .map((p) => p.trim())
          .filter(Boolean);
        const bad = out.filter((o) => !ordering.includes(o.replace(/^-/, "")));
        if (out.length > MAX_ORDERING_FIELDS) {
          // Each field is a sort key and, with a cursor, a term of the keyset condition.
          ctx.addIssue({
            code: "custom",
            message: `At most ${MAX_ORDERING_FIELDS} ordering fields (got ${out.length}).`,
          });
          return z.NEVER;
        }
        if (bad.length) {
          ctx.addIssue({
            code: "custom",
            message: `Unknown ordering field ${bad.map((b) => `"${b}"`).join(", ")}. Valid fields: ${ordering.join(", ")}.`,
          });
          return z.NEVER;
        }
        return out;
      })
      .optional(),
    search: z.string().max(200).optional(),
    tag: repeatable(z.string()).optional(),
    created_by_request: uuid.optional(),
    updated_by_request: uuid.optional(),
    cursor: PAGINATION.cursor,
    fields: fieldList.optional().describe("Only these fields (comma-separated); id, url and display always come."),
    exclude: fieldList.optional().describe("All fields but these (comma-separated), e.g. heavy JSON."),
  };
  for (const p of filterParams) listShape[p.name] = p.schema.optional();
  const Filters = z.object(listShape).strict() as unknown as z.ZodType<
    Record<string, unknown>,
    z.ZodTypeDef,
    ListControls & FiltersInput<AllFields> & { [P in keyof O["filterAliases"]]?: string | string[] }
  >;
  const DetailQuery = z
    .object({ brief: queryBoolean.optional(), fields: fieldList.optional(), exclude: fieldList.optional() })
    .strict();
  const PathId = z.object({ id: queryInt.pipe(z.number().int().positive("Ids are positive integers.")) });
  /** A representation restricted by `?fields=` / `?exclude=`. */
  const Sparse = (Read as unknown as z.AnyZodObject).partial().required({ id: true, url: true, display: true });
  const Paginated = paginated(z.union([Read, Brief, Sparse]) as unknown as typeof Read);

  const writeErrors = { ...commonErrors, ...idempotentWriteErrors } as const;
  const opName = (suffix: string) => `${opts.app}_${opts.name.replace(/-/g, "_")}_${suffix}`;
  const routes = c.router({
    list: {
      method: "GET",
      path,
      query: Filters,
      responses: { 200: Paginated, ...commonErrors },
      summary: `List ${opts.name.replace(/-/g, " ")}`,
      metadata: { operationId: opName("list") } as const,
    },
    create: {
      method: "POST",
      path,
      body: Create,
      responses: { 201: Read, ...writeErrors },
      summary: `Create one ${opts.model}`,
      metadata: { operationId: opName("create") } as const,
    },
    bulkCreate: {
      method: "POST",
      path,
      body: z.array(Create),
      responses: { 201: z.array(Read), ...writeErrors },
      summary: `Create several ${opts.name.replace(/-/g, " ")} (all or none)`,
      metadata: { operationId: opName("bulk_create"), bulk: true } as const,
    },
    bulkUpdate: {
      method: "PUT",
      path,
      body: z.array(BulkUpdateItem),
      responses: { 200: z.array(Read), ...writeErrors },
      summary: `Replace several ${opts.name.replace(/-/g, " ")} (all or none)`,
      description: ONE_ID_ONCE,
      metadata: { operationId: opName("bulk_update"), bulk: true } as const,
    },
    bulkPartialUpdate: {
      method: "PATCH",
      path,
      body: z.array(BulkPatchItem),
      responses: { 200: z.array(Read), ...writeErrors },
      summary: `Change several ${opts.name.replace(/-/g, " ")} (all or none)`,
      description: ONE_ID_ONCE,
      metadata: { operationId: opName("bulk_partial_update"), bulk: true } as const,
    },
    bulkDelete: {
      method: "DELETE",
      path,
      body: z.array(IdOnly),
      responses: { 204: c.noBody(), ...writeErrors },
      summary: `Delete several ${opts.name.replace(/-/g, " ")} (all or none)`,
      description: ONE_ID_ONCE,
      metadata: { operationId: opName("bulk_delete"), bulk: true } as const,
    },
    retrieve: {
      method: "GET",
      path: `${path}:id/`,
      pathParams: PathId,
      query: DetailQuery,
      responses: { 200: z.union([Read, Sparse]) as unknown as typeof Read, 304: c.noBody(), ...commonErrors },
      summary: `Read one ${opts.model}`,
      metadata: { operationId: opName("retrieve") } as const,
    },
    update: {
      method: "PUT",
      path: `${path}:id/`,
      pathParams: PathId,
      body: Update,
      responses: { 200: Read, ...writeErrors, 412: ErrorDetail },
      summary: `Replace one ${opts.model}`,
      metadata: { operationId: opName("update") } as const,
    },
    partialUpdate: {
      method: "PATCH",
      path: `${path}:id/`,
      pathParams: PathId,
      body: Patch,
      responses: { 200: Read, ...writeErrors, 412: ErrorDetail },
      summary: `Change fields of one ${opts.model}`,
      metadata: { operationId: opName("partial_update") } as const,
    },
    delete: {
      method: "DELETE",
      path: `${path}:id/`,
      pathParams: PathId,
      body: c.noBody(),
      responses: { 204: c.noBody(), ...writeErrors },
      summary: `Delete one ${opts.model}`,
      metadata: { operationId: opName("delete") } as const,
    },
  });
  const workflow = opts.workflow ? workflowRoutes(opts.workflow, { path, PathId, Read, opName }) : undefined;
  const actions = actionRoutes(opts.actions, path, PathId, opName);

  return {
    key,
    app: opts.app,
    name: opts.name,
    model: opts.model,
    path,
    description: opts.description,
    fields,
    brief: opts.brief,
    display: opts.display ?? `{${String(opts.brief[0] ?? "id")}}`,
    defaultOrdering: [...(opts.ordering ?? [])],
    ordering,
    searchFields,
    filterParams,
    // Keeps the transition names literal (the SDK types `runTransition` by them).
    workflow: opts.workflow as O["workflow"],
    writeAliases,
    schemas: { Read, Brief, Sparse, Create, Update, Patch, BulkUpdateItem, BulkPatchItem, Filters, Paginated },
    actions: opts.actions ?? {},
    routes: {
      ...(opts.readOnly ? { list: routes.list, retrieve: routes.retrieve } : routes),
      ...(workflow ?? {}),
      ...actions,
    } as (O["readOnly"] extends true ? Pick<typeof routes, "list" | "retrieve"> : typeof routes) &
      (O["workflow"] extends Workflow ? NonNullable<typeof workflow> : {}) &
      ActionRoutes<NonNullable<O["actions"]>>,
  };
}

type ActionRoutes<A extends Record<string, ActionSpec>> = {
  [K in keyof A]: {
    method: A[K]["method"];
    path: string;
    // The same `id` as the standard detail routes: a positive integer (sent as a path segment).
    pathParams: A[K]["detail"] extends true
      ? z.ZodObject<{ id: z.ZodType<number, z.ZodTypeDef, string | number> }>
      : undefined;
    // A POST action without a body still declares one (ts-rest mutations need `body`): no body.
    body: A[K]["body"] extends z.ZodTypeAny
      ? A[K]["body"]
      : A[K]["method"] extends "GET"
        ? undefined
        : ContractNoBodyType;
    query: A[K]["query"] extends z.ZodTypeAny ? A[K]["query"] : undefined;
    responses: A[K]["responses"] & typeof commonErrors;
    summary: string;
    metadata: { operationId: string };
  };
};

function actionRoutes(
  specs: Record<string, ActionSpec> | undefined,
  path: string,
  PathId: z.ZodObject<{ id: z.ZodTypeAny }>,
  opName: (s: string) => string,
) {
  const out: Record<string, unknown> = {};
  for (const [name, a] of Object.entries(specs ?? {})) {
    out[name] = {
      method: a.method,
      path: a.appLevel
        ? `${path.replace(/[^/]+\/$/, "")}${a.path}/`
        : a.detail
          ? `${path}:id/${a.path}/`
          : `${path}${a.path}/`,
      ...(a.detail ? { pathParams: PathId } : {}),
      ...(a.method !== "GET" ? { body: a.body ?? c.noBody() } : {}),
      ...(a.query ? { query: a.query } : {}),
      responses: { ...commonErrors, ...(a.method !== "GET" ? idempotentWriteErrors : {}), ...a.responses },
      summary: a.summary,
      description: a.description,
      // From the route key, so two methods on one path (GET/POST available-ips) stay distinct.
      metadata: { operationId: opName(name.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`)) },
    };
  }
  return out;
}

export type ResourceDef = ReturnType<typeof buildResource>;
/** What the server and generators need of any resource, whatever its fields. */
export interface AnyResource {
  key: string;
  app: string;
  name: string;
  model: string;
  path: string;
  description: string;
  fields: Fields;
  brief: readonly string[];
  display: string;
  defaultOrdering: string[];
  ordering: string[];
  searchFields: string[];
  filterParams: FilterParam[];
  workflow?: Workflow;
  writeAliases: WriteAliases;
  actions: Record<string, ActionSpec>;
  schemas: Record<string, z.ZodTypeAny>;
  routes: Record<string, unknown>;
}

export { ErrorDetail, NestedBase, ValidationError };
