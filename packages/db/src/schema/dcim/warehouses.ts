import { pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";

export const warehouses = pgTable(
  "warehouses",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull().unique(),
    address: varchar("address", { length: 200 }).notNull().default(""),
    description: varchar("description", { length: 200 }).notNull().default(""),
  },
  (t) => [...standardIndexes("warehouses", t)],
);
