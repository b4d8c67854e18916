import {
  type AnyField,
  type AnyResource,
  type FieldErrors,
  isStored,
  type Resource,
  resourceByKey,
} from "@rackplane/contract";
import type { Database } from "@rackplane/db";
import type { AppRoute, HTTPStatusCode, ServerInferRequest, ServerInferResponses } from "@ts-rest/core";
import type { SQL } from "drizzle-orm";
import { getTableColumns, getTableName } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Request } from "express";
import type { Handler } from "../http/handler";
import type { RequestContext } from "./context";
import type { JoinTable } from "./m2m";
import type { Access, Scope } from "./scope";
import type { ResourceService } from "./service";

/** A write about to happen, handed to a resource's validation and derivation rules. */
export interface WriteCheck {
  tx: Database;
  /** Column values after defaults and merges (FKs as `<field>_id`). */
  values: Record<string, unknown>;
  /** The stored row when updating. */
  existing?: Record<string, unknown>;
  ctx: RequestContext;
}

/** A cross-field or cross-row rule; returns field errors to refuse the write. */
export type Validate = (check: WriteCheck) => Promise<FieldErrors | undefined> | FieldErrors | undefined;
/** Columns computed from the others (an address's network), stored with the write. */
export type Derive = (check: WriteCheck) => Promise<Record<string, unknown>> | Record<string, unknown>;
/** Runs in the write's transaction after rows of this resource were created, changed or deleted. */
export type AfterWrite = (tx: Database, ids: number[], ctx: RequestContext | undefined) => Promise<void>;

type Row = Record<string, unknown>;
/** The routes a resource of the contract declares. */
type RoutesOf<R> = R extends { routes: infer X } ? X : never;
/** Routes every writable resource gets from `defineResource` (served by handlers.ts). */
export type StandardRoute =
  | "list"
  | "retrieve"
  | "create"
  | "bulkCreate"
  | "update"
  | "partialUpdate"
  | "bulkUpdate"
  | "bulkPartialUpdate"
  | "delete"
  | "bulkDelete";
/** Names of the extra actions a resource declares (`actions` of `defineResource`). */
export type ActionName<R> = R extends Resource<any, any, infer O> ? keyof NonNullable<O["actions"]> & string : never;

/** What `ServerInferRequest` says of one part of a request; absent parts are empty. */
type Part<T extends AppRoute, K extends string> = ServerInferRequest<T> extends { [P in K]: infer V } ? V : {};

/** A handler's input, typed by its contract route: the router has validated params, query and body with it. */
export interface RouteInput<T extends AppRoute> {
  params: Part<T, "params">;
  query: Part<T, "query">;
  body: Part<T, "body">;
  ctx: RequestContext;
  req: Request;
}

/**
 * A handler's result: one of the statuses the route declares, with its body. A body may
 * also be a representation the service built from the field declarations (untyped rows,
 * checked against the contract by the router's response validation in tests).
 */
export type RouteResult<T extends AppRoute> =
  ServerInferResponses<T, HTTPStatusCode, "force"> extends infer U
    ? U extends { status: infer S; body: infer B }
      ? { status: S; body?: B | Row | Row[]; headers?: Record<string, string> }
      : never
    : never;

export type RouteHandler<T> = T extends AppRoute ? (input: RouteInput<T>) => Promise<RouteResult<T>> : never;

/** One typed handler for each action the resource declares, no more, no fewer. */
export type ActionHandlers<R> = { [K in ActionName<R>]: RouteHandler<RoutesOf<R>[K & keyof RoutesOf<R>]> };
/** The standard routes this resource has, typed from the contract. */
export type StandardHandlers<R> = { [K in StandardRoute & keyof RoutesOf<R>]: RouteHandler<RoutesOf<R>[K]> };

/** What an action or override factory is handed: the service and the binding it belongs to. */
export interface HandlerDeps<R> {
  svc: ResourceService;
  binding: Binding<R>;
}

interface CommonOptions<R> {
  /** Join tables of many-to-many fields other than `tags`. */
  joinTables?: Record<string, JoinTable>;
  /** Cross-field or cross-row rules, run in order; the first that returns errors refuses the write. */
  validate?: readonly Validate[];
  /**
   * Columns computed from the others, run in order before `validate` (each sees what the
   * previous ones derived); returned values are stored with the write.
   */
  derive?: readonly Derive[];
  /** Run in order in the write's transaction after rows were created, changed or deleted. */
  afterWrite?: readonly AfterWrite[];
  /**
   * Object-level access (scope.ts): which rows a restricted caller may see and change,
   * applied in SQL on every path that reaches this table — its own list and detail,
   * nested objects and counts in other resources, relation filters, FK resolution.
   * Invisible rows are 404, absent from lists and counts, and "no match" everywhere else.
   */
  access?: Access;
  /**
   * Fields read through an expression of their own instead of their column (alias `a`):
   * for representations that depend on what the caller may see (the change log's images).
   */
  expressions?: Record<string, (a: string, scope: Scope) => SQL>;
  /**
   * Standard routes served differently (tokens' create returns the new key); `standard`
   * holds the generic handlers to wrap.
   */
  overrides?: (deps: HandlerDeps<R>, standard: StandardHandlers<R>) => Partial<StandardHandlers<R>>;
}

/** A resource that declares actions must handle every one of them (a missing handler fails `tsc`). */
export type BindingOptions<R> = CommonOptions<R> &
  ([ActionName<R>] extends [never] ? { actions?: never } : { actions: (deps: HandlerDeps<R>) => ActionHandlers<R> });

/**
 * A resource of the contract bound to its table. This is all a plain resource
 * needs on the server: the generic service, filters, ordering, nested reads and
 * OPTIONS come from the contract's field declarations. `R` is the contract
 * resource it was defined for, so a binding cannot stand in for another's.
 */
export interface Binding<R = unknown> {
  resource: AnyResource;
  table: PgTable;
  tableName: string;
  /** API field → column name, for fields stored on the row. */
  columns: Map<string, string>;
  joinTables?: Record<string, JoinTable>;
  access?: Access;
  expressions?: Record<string, (a: string, scope: Scope) => SQL>;
  /** The `validate` rules as one (first refusal wins). */
  validate?: Validate;
  /** The `derive` rules as one. */
  derive?: Derive;
  /** The `afterWrite` rules as one. */
  afterWrite?: AfterWrite;
  /** Action and override handlers, keyed like the routes; `standard` are the generic ones. */
  handlers?: (svc: ResourceService, standard: Record<string, Handler>) => Record<string, Handler>;
  /** Type-level only: the contract resource (never set at run time). */
  readonly contract?: R;
}

/** Binds a contract resource to its table; checks that every stored field has its column. */
export function defineBinding<R extends { key: string }>(
  resource: R,
  table: PgTable,
  ...[options]: [ActionName<R>] extends [never] ? [options?: BindingOptions<R>] : [options: BindingOptions<R>]
): Binding<R> {
  const def = resourceByKey.get(resource.key);
  if (!def) throw new Error(`unknown resource ${resource.key}`);
  const tableColumns = new Set(Object.values(getTableColumns(table)).map((c) => c.name));
  const columns = new Map<string, string>();
  for (const [name, fd] of Object.entries(def.fields)) {
    const col = columnFor(name, fd);
    if (col === undefined) continue;
    if (!tableColumns.has(col))
      throw new Error(`${def.key}.${name}: table ${getTableName(table)} has no column ${col}`);
    columns.set(name, col);
  }
  const o = (options ?? {}) as CommonOptions<R> & { actions?: (deps: HandlerDeps<R>) => ActionHandlers<R> };
  const binding: Binding<R> = {
    resource: def,
    table,
    tableName: getTableName(table),
    columns,
    joinTables: o.joinTables,
    access: o.access,
    expressions: o.expressions,
    validate: firstRefusal(o.validate),
    derive: inOrder(o.derive),
    afterWrite: allInOrder(o.afterWrite),
  };
  if (o.actions || o.overrides) {
    const { actions, overrides } = o;
    // The router validates params, query and body with the same contract routes the
    // handlers are typed by, so the typed handlers are served as plain ones here.
    binding.handlers = (svc, standard) => ({
      ...(actions?.({ svc, binding }) as unknown as Record<string, Handler>),
      ...(overrides?.({ svc, binding }, standard as unknown as StandardHandlers<R>) as unknown as Record<
        string,
        Handler
      >),
    });
  }
  return binding;
}

function firstRefusal(rules: readonly Validate[] | undefined): Validate | undefined {
  if (!rules?.length) return undefined;
  return async (check) => {
    for (const rule of rules) {
      const errors = await rule(check);
      if (errors) return errors;
    }
    return undefined;
  };
}

function inOrder(rules: readonly Derive[] | undefined): Derive | undefined {
  if (!rules?.length) return undefined;
  if (rules.length === 1) return rules[0];
  return async (check) => {
    const out: Record<string, unknown> = {};
    for (const rule of rules) Object.assign(out, await rule({ ...check, values: { ...check.values, ...out } }));
    return out;
  };
}

function allInOrder(rules: readonly AfterWrite[] | undefined): AfterWrite | undefined {
  if (!rules?.length) return undefined;
  return async (tx, ids, ctx) => {
    for (const rule of rules) await rule(tx, ids, ctx);
  };
}

/** The column a field is stored in, or undefined for computed/M2M fields. */
function columnFor(name: string, fd: AnyField): string | undefined {
  if (!isStored(fd)) return undefined;
  if (fd.kind === "fk") return `${name}_id`;
  return name;
}

/** The contract's resource tree with a binding in every place (`satisfies` it in resources/index.ts). */
export type BindingTree<T> = { [A in keyof T]: { [N in keyof T[A]]: Binding<T[A][N]> } };

/** Resolves `self` in relation targets (the contract's, which the document uses too). */
export { targetKey } from "@rackplane/contract";
export { allBindings, bindingOf } from "./registry";
