import { index, integer, pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { racks } from "./racks";

export const accessories = pgTable(
  "accessories",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull(),
    rack_id: integer("rack_id")
      .notNull()
      .references(() => racks.id, { onDelete: "cascade" }),
    position: integer("position"),
    orientation: varchar("orientation", { length: 10 }).notNull().default("front"),
    serial_number: varchar("serial_number", { length: 100 }).notNull().default(""),
  },
  (t) => [
    ...standardIndexes("accessories", t),
    index("accessories_ordering_idx").on(t.name, t.id),
    index("accessories_rack_idx").on(t.rack_id),
  ],
);
