import { pgTable, varchar } from "drizzle-orm/pg-core";
import { standardColumns, standardIndexes } from "../columns";

/** Object permissions (resource types × actions × optional filter constraint), granted to groups and users. */
export const objectPermissions = pgTable(
  "object_permissions",
  {
    ...standardColumns,
    name: varchar("name", { length: 100 }).notNull().unique(),
    description: varchar("description", { length: 200 }).notNull().default(""),
    object_types: varchar("object_types", { length: 1000 }).notNull(),
    actions: varchar("actions", { length: 500 }).notNull(),
    constraints: varchar("constraints", { length: 1000 }).notNull().default(""),
  },
  (t) => [...standardIndexes("object_permissions", t)],
);
