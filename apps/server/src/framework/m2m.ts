import { type SQL, sql } from "drizzle-orm";
import type { Binding } from "./binding";
import { col, literal } from "./sql";

/**
 * Where a many-to-many field is stored. Tags live in the generic `tagged_items`
 * table keyed by object type; other relations declare their join table on the
 * binding (`m2m: { licences: { table, ownerColumn, targetColumn } }`).
 */
export interface M2MStorage {
  table: string;
  targetColumn: string;
  ownerColumn: string;
  /** Condition selecting the join rows of the owner `ownerId` (a SQL expression). */
  ownerCondition(joinAlias: string, ownerId: SQL): SQL;
  /** Extra column values of a join row (e.g. the object type). */
  extra: Record<string, unknown>;
}

export interface JoinTable {
  table: string;
  ownerColumn: string;
  targetColumn: string;
}

export function m2mStorage(b: Binding, field: string): M2MStorage {
  if (field === "tags") {
    return {
      table: "tagged_items",
      targetColumn: "tag_id",
      ownerColumn: "object_id",
      ownerCondition: (ja, id) =>
        sql`${col(ja, "object_type")} = ${literal(b.resource.key)} AND ${col(ja, "object_id")} = ${id}`,
      extra: { object_type: b.resource.key },
    };
  }
  const jt = b.joinTables?.[field];
  if (!jt) throw new Error(`${b.resource.key}.${field}: no join table declared`);
  return {
    ...jt,
    ownerCondition: (ja, id) => sql`${col(ja, jt.ownerColumn)} = ${id}`,
    extra: {},
  };
}
