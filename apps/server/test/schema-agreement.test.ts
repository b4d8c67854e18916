import type { AnyField, RelationFieldDef } from "@rackplane/contract";
import { getTableColumns } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { Registry } from "../src/framework/registry";
import { bindings as tree } from "../src/resources";

/**
 * Every stored field is declared twice — in the contract (what the API validates and
 * documents) and in its table (what the database holds) — so they must agree: a column
 * type that can hold the field's values, the same maximum length, and the same
 * nullability (a nullable column behind a non-nullable field would read as a contract
 * violation; the reverse refuses writes the API accepts).
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

describe("contract and tables agree", () => {
  const registry = new Registry(tree);
  const bindings = registry.all().filter((b) => "create" in b.resource.routes); // views follow their tables
  const cases = bindings.flatMap((b) =>
    [...b.columns].map(([field, column]) => ({ b, field, column, fd: b.resource.fields[field]! })),
  );

  it("declares every stored field with a column of a matching type, length and nullability", () => {
    const problems: string[] = [];
    for (const { b, field, column, fd } of cases) {
      const c = Object.values(getTableColumns(b.table)).find((x) => (x as PgColumn).name === column) as PgColumn;
      const where = `${b.resource.key}.${field} (${b.tableName}.${column} ${c.getSQLType()})`;
      const type = SQL_TYPES[fd.kind];
      if (type && !type.test(c.getSQLType())) problems.push(`${where}: type does not hold a ${fd.kind}`);
      const max = (fd.options as { max?: number }).max;
      const length = /^varchar\((\d+)\)/.exec(c.getSQLType())?.[1];
      if (fd.kind === "string" && max !== undefined && length !== undefined && Number(length) !== max)
        problems.push(`${where}: contract max ${max}, column length ${length}`);
      if (fd.nullable && c.notNull) problems.push(`${where}: nullable in the contract, NOT NULL in the table`);
      if (!fd.nullable && !c.notNull && fd.kind !== "fk" && !fd.options.writeOnly && fd.options.stored !== false)
        problems.push(`${where}: NOT NULL in the contract, nullable in the table`);
      if (fd.kind === "fk" && !fd.nullable && !c.notNull && fd.required)
        problems.push(`${where}: required relation over a nullable column`);
    }
    expect(problems).toEqual([]);
    expect(cases.length).toBeGreaterThan(300);
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
