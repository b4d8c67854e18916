import { integer, pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { manufacturers } from "../dcim/manufacturers";

export const software = pgTable(
  "software",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 255 }).notNull().unique(),
    manufacturer_id: integer("manufacturer_id").references(() => manufacturers.id, { onDelete: "set null" }),
  },
  (t) => [...standardIndexes("software", t)],
);
