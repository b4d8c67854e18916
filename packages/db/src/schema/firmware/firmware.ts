import { bigint, index, integer, pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { manufacturers } from "../dcim/manufacturers";

export const firmware = pgTable(
  "firmware",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull(),
    version: varchar("version", { length: 50 }).notNull(),
    firmware_type: varchar("firmware_type", { length: 20 }).notNull().default("bios"),
    manufacturer_id: integer("manufacturer_id").references(() => manufacturers.id, { onDelete: "set null" }),
    file_url: varchar("file_url", { length: 500 }).notNull(),
    checksum: varchar("checksum", { length: 128 }).notNull().default(""),
    size: bigint("size", { mode: "number" }),
  },
  (t) => [...standardIndexes("firmware", t), index("firmware_name_idx").on(t.name, t.version)],
);
