import { bigint, boolean, integer, jsonb, pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";

export const autonomousSystems = pgTable(
  "autonomous_systems",
  {
    ...standardColumns,
    ...commentsColumn,
    // 32-bit AS numbers reach 4294967295: beyond PostgreSQL's integer.
    asn: bigint("asn", { mode: "number" }).notNull().unique(),
    name: varchar("name", { length: 200 }).notNull(),
    irr_as_set: varchar("irr_as_set", { length: 255 }).notNull().default(""),
    ipv4_max_prefixes: integer("ipv4_max_prefixes").notNull().default(0),
    ipv6_max_prefixes: integer("ipv6_max_prefixes").notNull().default(0),
    affiliated: boolean("affiliated").notNull().default(false),
    description: varchar("description", { length: 200 }).notNull().default(""),
    local_context_data: jsonb("local_context_data"),
  },
  (t) => [...standardIndexes("autonomous_systems", t)],
);
