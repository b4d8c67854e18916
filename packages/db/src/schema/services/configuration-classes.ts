import { index, integer, pgTable, unique, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { configurationModules } from "./configuration-modules";

export const configurationClasses = pgTable(
  "configuration_classes",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull(),
    module_id: integer("module_id")
      .notNull()
      .references(() => configurationModules.id),
    description: varchar("description", { length: 200 }).notNull().default(""),
  },
  (t) => [
    ...standardIndexes("configuration_classes", t),
    index("configuration_classes_ordering_idx").on(t.name, t.id),
    unique("configuration_classes_module_name_key").on(t.module_id, t.name),
  ],
);
