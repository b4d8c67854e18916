import { date, index, numeric, pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";

export const supports = pgTable(
  "supports",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 255 }).notNull(),
    contract_id: varchar("contract_id", { length: 50 }).notNull(),
    supplier: varchar("supplier", { length: 100 }).notNull().default(""),
    date_from: date("date_from"),
    date_to: date("date_to").notNull(),
    price: numeric("price", { precision: 12, scale: 2 }),
    description: varchar("description", { length: 200 }).notNull().default(""),
  },
  (t) => [...standardIndexes("supports", t), index("supports_ordering_idx").on(t.name, t.id)],
);
