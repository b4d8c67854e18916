import { getTableColumns, getTableName } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { JoinTable } from "../../framework";

type ColumnOf<T extends PgTable> = keyof T["_"]["columns"] & string;

/**
 * A many-to-many field's join table, named through the Drizzle schema so a renamed
 * table or column fails `tsc`: rows of `table` link `owner` (this resource) to `target`.
 */
export function joinTable<T extends PgTable>(table: T, owner: ColumnOf<T>, target: ColumnOf<T>): JoinTable {
  const columns = getTableColumns(table);
  return { table: getTableName(table), ownerColumn: columns[owner]!.name, targetColumn: columns[target]!.name };
}
