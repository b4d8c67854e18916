import { pgTable, varchar } from "drizzle-orm/pg-core";
import { standardColumns, standardIndexes } from "../columns";

export const tags = pgTable(
  "tags",
  {
    ...standardColumns,
    name: varchar("name", { length: 100 }).notNull().unique(),
    slug: varchar("slug", { length: 100 }).notNull().unique(),
    color: varchar("color", { length: 6 }).notNull().default("9e9e9e"),
    description: varchar("description", { length: 200 }).notNull().default(""),
  },
  (t) => [...standardIndexes("tags", t)],
);
