import { date, index, integer, pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { users } from "../users/users";
import { accessZones } from "./access-zones";

export const accessCards = pgTable(
  "access_cards",
  {
    ...standardColumns,
    ...commentsColumn,
    number: varchar("number", { length: 255 }).notNull().unique(),
    system_number: varchar("system_number", { length: 255 }).notNull().default(""),
    access_zone_id: integer("access_zone_id").references(() => accessZones.id, { onDelete: "set null" }),
    user_id: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    owner_id: integer("owner_id").references(() => users.id, { onDelete: "set null" }),
    issue_date: date("issue_date"),
    status: varchar("status", { length: 30 }).notNull().default("new"),
  },
  (t) => [...standardIndexes("access_cards", t), index("access_cards_user_idx").on(t.user_id)],
);
