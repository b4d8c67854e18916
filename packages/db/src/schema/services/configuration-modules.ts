import { type AnyPgColumn, index, integer, pgTable, unique, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { teams } from "./teams";

export const configurationModules = pgTable(
  "configuration_modules",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull(),
    parent_id: integer("parent_id").references((): AnyPgColumn => configurationModules.id),
    support_team_id: integer("support_team_id").references(() => teams.id, { onDelete: "set null" }),
    description: varchar("description", { length: 200 }).notNull().default(""),
  },
  (t) => [
    ...standardIndexes("configuration_modules", t),
    index("configuration_modules_ordering_idx").on(t.name, t.id),
    unique("configuration_modules_parent_name_key").on(t.parent_id, t.name).nullsNotDistinct(),
    index("configuration_modules_parent_idx").on(t.parent_id),
  ],
);
