import { index, pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";

export const osImages = pgTable(
  "os_images",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull(),
    version: varchar("version", { length: 50 }).notNull().default(""),
    arch: varchar("arch", { length: 20 }).notNull().default("x86_64"),
    file_url: varchar("file_url", { length: 500 }).notNull(),
    checksum: varchar("checksum", { length: 128 }).notNull().default(""),
  },
  (t) => [...standardIndexes("os_images", t), index("os_images_ordering_idx").on(t.name, t.version, t.id)],
);
