import { schema } from "@rackplane/db";
import type { PgTable } from "drizzle-orm/pg-core";

/** A table column holding sealed secrets (secrets/box.ts). */
export interface SealedColumn {
  table: PgTable;
  /** The column's JS key in the Drizzle table (its SQL name is taken from the schema). */
  column: string;
  /**
   * Rows written before the column was sealed hold plain text: they are sealed on
   * start (secrets/reseal.ts). Elsewhere an unsealed value is an error, never read as a password.
   */
  legacyPlaintext?: boolean;
}

/** Every sealed column: their bindings seal writes (resources/rules/sealed.ts), `rackplane secrets reseal` walks them. */
export const SEALED_COLUMNS = [
  { table: schema.credentials, column: "password" },
  { table: schema.eventForwardings, column: "basic_password" },
  { table: schema.ixpSessions, column: "password", legacyPlaintext: true },
  { table: schema.simCards, column: "pin1", legacyPlaintext: true },
  { table: schema.simCards, column: "puk1", legacyPlaintext: true },
] as const satisfies readonly SealedColumn[];
