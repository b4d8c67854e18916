import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { compiled, idMatch } from "../src/framework/sql";

// A statement rendered once and bound per execution must be exactly the statement built anew.
describe("compiled statements", () => {
  const dialect = new PgDialect();
  const build = (ids: unknown, caller: unknown, one: boolean) =>
    sql`WITH rp_caller AS (SELECT ${caller}::int AS user_id) SELECT ${sql.raw(`'x' AS "k"`)}, ${"const"} AS c FROM t WHERE ${sql`"t"."id" ${idMatch(one, ids)}`}`;

  it("binds placeholders into the same text and parameters, constants kept", () => {
    for (const [one, ids] of [
      [true, 7],
      [false, [1, 2, 3]],
    ] as const) {
      const statement = compiled(build(sql.placeholder("ids"), sql.placeholder("caller"), one));
      for (const caller of [3, null]) {
        expect(dialect.sqlToQuery(statement.bind({ ids, caller }))).toEqual(
          dialect.sqlToQuery(build(ids, caller, one)),
        );
      }
    }
  });

  it("refuses a statement whose text holds a `$n` that is not its parameter", () => {
    expect(() => compiled(sql`SELECT '$1' AS a, ${1} AS b`)).toThrow(/parameters in order/);
  });

  it("asks for every placeholder's value", () => {
    expect(() => compiled(build(sql.placeholder("ids"), sql.placeholder("caller"), true)).bind({ ids: 1 })).toThrow(
      /caller/,
    );
  });
});
