import { integer, pgTable, text, varchar } from "drizzle-orm/pg-core";
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
    /** PIN and PUK, sealed (AES-256-GCM, `v2:<key id>:…`): write-only on the API. */
    pin1: text("pin1"),
    puk1: text("puk1"),
    warehouse_id: integer("warehouse_id").references(() => warehouses.id, { onDelete: "set null" }),
    user_id: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    status: varchar("status", { length: 30 }).notNull().default("new"),
  },
  (t) => [...standardIndexes("sim_cards", t)],
);
