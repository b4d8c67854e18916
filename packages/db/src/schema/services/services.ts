import { boolean, index, integer, pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { teams } from "./teams";

export const services = pgTable(
  "services",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull().unique(),
    uid: varchar("uid", { length: 40 }).unique(),
    active: boolean("active").notNull().default(true),
    business_owners: varchar("business_owners", { length: 200 }).notNull().default(""),
    technical_owners: varchar("technical_owners", { length: 200 }).notNull().default(""),
    support_team_id: integer("support_team_id").references(() => teams.id, { onDelete: "set null" }),
  },
  (t) => [...standardIndexes("services", t), index("services_support_team_idx").on(t.support_team_id)],
);
