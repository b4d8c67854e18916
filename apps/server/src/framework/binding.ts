import type { AnyField, AnyResource, FieldErrors } from "@rackplane/contract";
import { resourceByKey } from "@rackplane/contract";
import type { Database } from "@rackplane/db";
import type { SQL } from "drizzle-orm";
import { getTableColumns, getTableName } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Handler } from "../http/handler";
import type { RequestContext } from "./context";
import type { JoinTable } from "./m2m";
import type { Access, Scope } from "./scope";
import type { ResourceService } from "./service";

/** A write about to happen, handed to a resource's validation hook. */
export interface WriteCheck {
  tx: Database;
  /** Column values after defaults and merges (FKs as `<field>_id`). */
  values: Record<string, unknown>;
  /** The stored row when updating. */
  existing?: Record<string, unknown>;
  ctx: RequestContext;
}

export interface BindingOptions {
  /** Join tables of many-to-many fields other than `tags`. */
  joinTables?: Record<string, JoinTable>;
  /** Cross-field or cross-row rules; return field errors to refuse the write. */
  validate?: (check: WriteCheck) => Promise<FieldErrors | undefined> | FieldErrors | undefined;
  /**
   * Columns computed from the others (an address's network): returned values are
   * stored with the write, before `validate` runs.
   */
  derive?: (check: WriteCheck) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Runs in the write's transaction after rows of this resource were created, changed or deleted. */
  afterWrite?: (tx: Database, ids: number[], ctx: RequestContext | undefined) => Promise<void>;
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
  /** Handlers of the resource's declared actions, keyed like its routes. */
  actions?: (svc: ResourceService, b: Binding) => Record<string, Handler>;
}

/**
 * A resource of the contract bound to its table. This is all a plain resource
 * needs on the server: the generic service, filters, ordering, nested reads and
 * OPTIONS come from the contract's field declarations.
 */
export interface Binding extends BindingOptions {
  resource: AnyResource;
  table: PgTable;
  tableName: string;
  /** API field → column name, for fields stored on the row. */
  columns: Map<string, string>;
}

const registry = new Map<string, Binding>();

export function bind(resource: { key: string }, table: PgTable, options: BindingOptions = {}): Binding {
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
  const binding: Binding = { resource: def, table, tableName: getTableName(table), columns, ...options };
  registry.set(def.key, binding);
  return binding;
}

/** The column a field is stored in, or undefined for computed/M2M fields. */
function columnFor(name: string, fd: AnyField): string | undefined {
  if (fd.kind === "m2m" || fd.kind === "count" || fd.options.stored === false) return undefined;
  if (fd.kind === "fk") return `${name}_id`;
  return name;
}

export function bindingOf(key: string): Binding {
  const b = registry.get(key);
  if (!b) throw new Error(`resource ${key} is not bound to a table`);
  return b;
}

export const allBindings = () => [...registry.values()];

/** Resolves `self` in relation targets. */
export const targetKey = (owner: AnyResource, target: string) => (target === "self" ? owner.key : target);
