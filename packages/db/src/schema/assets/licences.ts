import { date, index, integer, numeric, pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { serviceEnvironmentId } from "./service-environment-id";
import { software } from "./software";

export const licences = pgTable(
  "licences",
  {
    ...standardColumns,
    ...commentsColumn,
    software_id: integer("software_id")
      .notNull()
      .references(() => software.id),
    niw: varchar("niw", { length: 200 }).notNull().unique(),
    number_bought: integer("number_bought").notNull(),
    sn: varchar("sn", { length: 200 }).notNull().default(""),
    valid_thru: date("valid_thru"),
    invoice_date: date("invoice_date"),
    invoice_no: varchar("invoice_no", { length: 128 }).notNull().default(""),
    price: numeric("price", { precision: 12, scale: 2 }),
    service_environment_id: serviceEnvironmentId(),
  },
  (t) => [...standardIndexes("licences", t), index("licences_software_idx").on(t.software_id)],
);
