import { type AnyField, defaultOf, f, type RelationFieldDef, resourceList } from "@rackplane/contract";
import { getTableColumns, is, SQL } from "drizzle-orm";
import { boolean, integer, jsonb, type PgColumn, type PgTable, pgTable, text, varchar } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { Registry } from "../src/framework/registry";
import { bindings as tree } from "../src/resources";

/**
 * Every stored field is declared twice — in the contract (what the API validates, documents
 * and writes) and in its table (what the database holds) — so they must agree:
 * - a column type that can hold the field's values, and the same maximum length;
 * - the same nullability, as the contract's read and write schemas say it (the document and
 *   the SDK types come from them): a nullable column behind a non-nullable field reads as a
 *   contract violation; the reverse refuses writes the API accepts;
 * - the same default: what a create that omits the field stores must be what the contract
 *   says, whether the API writes it or leaves it to the column.
 */
const SQL_TYPES: Partial<Record<AnyField["kind"], RegExp>> = {
  string: /^(varchar|text)/,
  text: /^(text|varchar)/,
  choice: /^(varchar|text)/,
  int: /^(integer|bigint|smallint|serial)/,
  number: /^(numeric|double precision|real)/,
  bool: /^boolean/,
  date: /^date/,
  datetime: /^timestamp.* with time zone/,
  ip: /^inet/,
  cidr: /^cidr/,
  mac: /^macaddr/,
  json: /^jsonb?/,
  fk: /^integer/,
};

/** What the checks need of a binding: the resource's fields, its table, field → column. */
interface Bound {
  resource: { key: string; fields: Record<string, AnyField> };
  table: PgTable;
  tableName: string;
  columns: Map<string, string>;
}

/** Every disagreement between a bound resource's stored fields and their columns, one line each. */
function disagreements(b: Bound): string[] {
  const problems: string[] = [];
  const byName = new Map(Object.values(getTableColumns(b.table)).map((c) => [(c as PgColumn).name, c as PgColumn]));
  for (const [field, column] of b.columns) {
    const fd = b.resource.fields[field]!;
    const c = byName.get(column)!;
    const where = `${b.resource.key}.${field} (${b.tableName}.${column} ${c.getSQLType()})`;
    const say = (problem: string) => problems.push(`${where}: ${problem}`);

    const type = SQL_TYPES[fd.kind];
    if (type && !type.test(c.getSQLType())) say(`type does not hold a ${fd.kind}`);
    const max = (fd.options as { max?: number }).max;
    const length = /^varchar\((\d+)\)/.exec(c.getSQLType())?.[1];
    if (fd.kind === "string" && max !== undefined && length !== undefined && Number(length) !== max)
      say(`contract max ${max}, column length ${length}`);

    // Write-only values are stored transformed (a hash, a ciphertext, null for "none").
    if (fd.options.writeOnly) continue;
    if (fd.nullable && c.notNull) say("nullable in the contract, NOT NULL in the table");
    if (!fd.nullable && !c.notNull) say("NOT NULL in the contract, nullable in the table");
    if (acceptsNull(fd.read) !== fd.nullable)
      say(`the read schema ${fd.nullable ? "refuses" : "accepts"} null, the field is declared otherwise`);
    if (fd.write && acceptsNull(fd.write) !== fd.nullable)
      say(`the write schema ${fd.nullable ? "refuses" : "accepts"} null, the field is declared otherwise`);

    const problem = defaultDisagreement(fd, c);
    if (problem) say(problem);
  }
  return problems;
}

const acceptsNull = (schema: unknown) =>
  (schema as { safeParse(v: unknown): { success: boolean } }).safeParse(null).success;

/**
 * A create (or PUT) that omits a field stores the contract's default, written by the API
 * (`defaultOf`); a field without one is left out of the INSERT, so the column's default
 * applies. Required fields are never omitted; server-set (read-only) fields are compared
 * only where the contract states a default for them.
 */
function defaultDisagreement(fd: AnyField, c: PgColumn): string | undefined {
  if (fd.required) return undefined;
  if (!fd.write && !("default" in fd.options)) return undefined;
  // The API writes null for an omitted relation without a default (writes.ts).
  const api = fd.kind === "fk" ? (defaultOf(fd) ?? null) : defaultOf(fd);
  const table = columnDefault(c);
  if (api === undefined) {
    if (table === NONE) return "optional in the contract, but neither it nor the column has a default";
    return `column default ${show(table)}, none in the contract`;
  }
  if (table === NONE) {
    // Strings the API fills with "" itself (a field a hook derives when left empty, like a
    // profile's name) need no column default; a default the contract states does.
    return "default" in fd.options ? `contract default ${show(api)}, no column default` : undefined;
  }
  return same(api, table) ? undefined : `contract default ${show(api)}, column default ${show(table)}`;
}

const NONE = Symbol("no default");

/** The column's default: a value, SQL text (`now()`), null for a nullable column without one, or NONE. */
function columnDefault(c: PgColumn): unknown {
  if (c.defaultFn) return `(computed by ${c.defaultFn.name || "a function"})`;
  if (!c.hasDefault) return c.notNull ? NONE : null;
  if (is(c.default, SQL))
    return `sql ${c.default.queryChunks.map((q) => (q as { value?: string[] }).value?.join("") ?? "?").join("")}`;
  return c.default ?? null;
}

// Numeric and decimal columns hold their defaults as strings (`"10"` for 10); null is only null.
const same = (a: unknown, b: unknown) =>
  a === null || b === null
    ? a === b
    : typeof a === "object" || typeof b === "object"
      ? JSON.stringify(a) === JSON.stringify(b)
      : String(a) === String(b);
const show = (v: unknown) => (typeof v === "string" && v.startsWith("sql ") ? v.slice(4) : JSON.stringify(v));

describe("contract and tables agree", () => {
  const registry = new Registry(tree);
  const bindings = registry.all();

  it("binds every resource of the contract", () => {
    expect(bindings.map((b) => b.resource.key).sort()).toEqual(resourceList.map((r) => r.key).sort());
  });

  it("declares every stored field with a column of its type, length, nullability and default", () => {
    expect(bindings.flatMap(disagreements)).toEqual([]);
    // Read-only resources (jobs, the change log, inventory, the base-objects view) included.
    expect(bindings.filter((b) => !("create" in b.resource.routes)).length).toBeGreaterThanOrEqual(8);
    expect(bindings.reduce((n, b) => n + b.columns.size, 0)).toBeGreaterThan(600);
  });

  it("reports each kind of disagreement", () => {
    // The checks above pass only if they can fail: one table that gets every rule wrong.
    const table = pgTable("things", {
      name: varchar("name", { length: 50 }).notNull(),
      note: text("note").notNull(),
      count: text("count"),
      status: varchar("status", { length: 20 }).notNull().default("active"),
      size: integer("size").notNull(),
      flags: jsonb("flags").notNull().default({ a: 1 }),
      enabled: boolean("enabled").notNull().default(true),
      owner: integer("owner_id"),
      rank: integer("rank").notNull().default(3),
      label: text("label"),
    });
    const fields: Record<string, AnyField> = {
      name: f.string({ max: 100 }),
      note: f.string({ nullable: true }),
      count: f.int({ default: 1 }),
      status: f.string({ max: 20, default: "planned" }),
      size: f.int(),
      flags: f.json({ default: { a: 1 } }),
      enabled: f.bool(),
      owner: f.fk("dcim.racks", { required: true }),
      rank: f.int(),
      // A builder that forgot `nullable` in its schemas (the document would say "never null").
      label: { ...f.text(), nullable: true, options: { default: null } },
    };
    const columns = new Map(Object.keys(fields).map((k) => [k, k === "owner" ? "owner_id" : k]));
    const found = disagreements({ resource: { key: "test.things", fields }, table, tableName: "things", columns });
    expect(found).toEqual([
      "test.things.name (things.name varchar(50)): contract max 100, column length 50",
      "test.things.note (things.note text): nullable in the contract, NOT NULL in the table",
      "test.things.count (things.count text): type does not hold a int",
      "test.things.count (things.count text): NOT NULL in the contract, nullable in the table",
      "test.things.count (things.count text): contract default 1, column default null",
      'test.things.status (things.status varchar(20)): contract default "planned", column default "active"',
      "test.things.size (things.size integer): optional in the contract, but neither it nor the column has a default",
      "test.things.enabled (things.enabled boolean): contract default false, column default true",
      "test.things.owner (things.owner_id integer): NOT NULL in the contract, nullable in the table",
      "test.things.rank (things.rank integer): column default 3, none in the contract",
      "test.things.label (things.label text): the read schema refuses null, the field is declared otherwise",
      "test.things.label (things.label text): the write schema refuses null, the field is declared otherwise",
    ]);
  });

  it("makes every row that cannot exist without a restricted object follow it", () => {
    // A required reference to an object the caller may not see cannot be shown as null
    // (the contract says it is never null): such a row is about that object and follows it.
    const problems: string[] = [];
    for (const b of bindings) {
      for (const [field, fd] of Object.entries(b.resource.fields)) {
        if (fd.kind !== "fk" || fd.nullable) continue;
        const target = registry.all().find((t) => t.resource.key === targetKeyOf(b.resource.key, fd));
        if (!target?.access) continue;
        const follows = b.access && "follows" in b.access ? b.access.follows : undefined;
        if (follows !== field) problems.push(`${b.resource.key}.${field} → ${target.resource.key}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

const targetKeyOf = (owner: string, fd: AnyField) => {
  const t = (fd as RelationFieldDef).target;
  return t === "self" ? owner : t;
};
