import { schema } from "@rackplane/db";
import { allBindings, type Binding } from "./binding";

/** Lookups that compile to LIKE/ILIKE on the column (filters.ts), which a trigram index serves. */
const PATTERN_LOOKUPS = new Set([
  "iexact",
  "nie",
  "startswith",
  "istartswith",
  "endswith",
  "iendswith",
  "contains",
  "icontains",
]);

export interface TextColumn {
  table: string;
  column: string;
  /**
   * What the index is built on when it is not the column itself, as PostgreSQL prints it:
   * network fields are searched through their text form (`host(address)` for an IP, the
   * `::text` cast for a network or MAC: read.ts `fieldExpression`), which the index must
   * equal for the planner to use it.
   */
  expression?: string;
}

/** The text form `?search=` matches a network field by (read.ts `fieldExpression`), as PostgreSQL prints it. */
const NETWORK_TEXT: Partial<Record<string, (column: string) => string>> = {
  ip: (c) => `host(${c})`,
  cidr: (c) => `(${c})::text`,
  mac: (c) => `(${c})::text`,
};

/** The index's name: `<table>_<column>_trgm`, as migrations 0014, 0018 and 0019 write them. */
export const trigramIndexName = (c: TextColumn) => `${c.table}_${c.column}_trgm`;

/** What a GIN index on `c` is built on, as PostgreSQL prints it (`pg_indexes.indexdef`). */
export const trigramTarget = (c: TextColumn) => c.expression ?? c.column;

/**
 * Every stored text column a request can match by pattern: the `?search=` fields and
 * the fields with text lookups (`__icontains`, `__startswith`, `__iexact`, …), read
 * from the contract's declarations, and the searchable network fields through their
 * text form (an expression index). Each needs a pg_trgm GIN index (migrations 0014,
 * 0018, 0019), or the filter scans the table — and one unindexed field of `?search=`
 * makes the whole OR a scan; a test holds the database's indexes to this list. Views have
 * no indexes of their own, a network field read through a resource's own expression is
 * computed, and write-only fields (ciphertext) are never matched, so none of these is listed.
 */
const tables = new Set<unknown>(Object.values(schema));

export function trigramColumns(bindings: Binding[] = allBindings()): TextColumn[] {
  const out = new Map<string, TextColumn>();
  for (const b of bindings) {
    if (!tables.has(b.table)) continue; // bound to a view (base-objects)
    for (const [name, fd] of Object.entries(b.resource.fields)) {
      const column = b.columns.get(name);
      if (!column || fd.options.writeOnly) continue;
      const network = NETWORK_TEXT[fd.kind];
      if (network && fd.searchable && !b.expressions?.[name]) {
        out.set(`${b.tableName}.${column}`, { table: b.tableName, column, expression: network(column) });
        continue;
      }
      if (fd.kind !== "string" && fd.kind !== "text") continue;
      if (!fd.searchable && !fd.lookups.some((l) => PATTERN_LOOKUPS.has(l))) continue;
      out.set(`${b.tableName}.${column}`, { table: b.tableName, column });
    }
  }
  return [...out.values()].sort((x, y) => `${x.table}.${x.column}`.localeCompare(`${y.table}.${y.column}`));
}
