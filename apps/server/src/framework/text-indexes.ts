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
}

/**
 * Every stored text column a request can match by pattern: the `?search=` fields and
 * the fields with text lookups (`__icontains`, `__startswith`, `__iexact`, …), read
 * from the contract's declarations. Each needs a pg_trgm GIN index (migrations 0014, 0018),
 * or the filter scans the table; a test holds the database's indexes to this list.
 * Network fields are searched through their text form (an expression), views have
 * no indexes of their own and write-only fields (ciphertext) are never matched, so
 * none of these is listed.
 */
const tables = new Set<unknown>(Object.values(schema));

export function trigramColumns(bindings: Binding[] = allBindings()): TextColumn[] {
  const out = new Map<string, TextColumn>();
  for (const b of bindings) {
    if (!tables.has(b.table)) continue; // bound to a view (base-objects)
    for (const [name, fd] of Object.entries(b.resource.fields)) {
      const column = b.columns.get(name);
      if (!column || (fd.kind !== "string" && fd.kind !== "text") || fd.options.writeOnly) continue;
      if (!fd.searchable && !fd.lookups.some((l) => PATTERN_LOOKUPS.has(l))) continue;
      out.set(`${b.tableName}.${column}`, { table: b.tableName, column });
    }
  }
  return [...out.values()].sort((x, y) => `${x.table}.${x.column}`.localeCompare(`${y.table}.${y.column}`));
}
