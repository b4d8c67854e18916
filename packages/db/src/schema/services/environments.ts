import { pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";

export const environments = pgTable(
  "environments",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull().unique(),
    description: varchar("description", { length: 200 }).notNull().default(""),
  },
  (t) => [...standardIndexes("environments", t)],
);
