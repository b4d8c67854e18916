import { pgTable, varchar } from "drizzle-orm/pg-core";
import { standardColumns, standardIndexes } from "../columns";

export const groups = pgTable(
  "groups",
  {
    ...standardColumns,
    name: varchar("name", { length: 150 }).notNull().unique(),
  },
  (t) => [...standardIndexes("groups", t)],
);
