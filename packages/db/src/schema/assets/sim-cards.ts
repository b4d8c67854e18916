import { integer, pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { warehouses } from "../dcim/warehouses";
import { users } from "../users/users";

export const simCards = pgTable(
  "sim_cards",
  {
    ...standardColumns,
    ...commentsColumn,
    card_number: varchar("card_number", { length: 22 }).notNull().unique(),
    phone_number: varchar("phone_number", { length: 16 }).notNull().default(""),
    carrier: varchar("carrier", { length: 100 }).notNull().default(""),
    pin1: varchar("pin1", { length: 8 }),
    puk1: varchar("puk1", { length: 16 }),
    warehouse_id: integer("warehouse_id").references(() => warehouses.id, { onDelete: "set null" }),
    user_id: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    status: varchar("status", { length: 30 }).notNull().default("new"),
  },
  (t) => [...standardIndexes("sim_cards", t)],
);
