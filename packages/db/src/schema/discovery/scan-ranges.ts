import { inet, integer, jsonb, pgTable, timestamp, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";

export const scanRanges = pgTable(
  "scan_ranges",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull().unique(),
    ip_from: inet("ip_from").notNull(),
    ip_to: inet("ip_to").notNull(),
    ports: jsonb("ports").notNull().default([443]),
    status: varchar("status", { length: 20 }).notNull().default("ready"),
    last_scanned: timestamp("last_scanned", { withTimezone: true, precision: 6 }),
    nodes_found: integer("nodes_found").notNull().default(0),
  },
  (t) => [...standardIndexes("scan_ranges", t)],
);
