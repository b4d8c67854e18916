import { index, integer, pgTable, unique } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { licences } from "./licences";

/** Licences on assets; `base_object_id` is an id of `base_object_ids` (any asset table), checked on write. */
export const baseObjectLicences = pgTable(
  "base_object_licences",
  {
    ...standardColumns,
    ...commentsColumn,
    licence_id: integer("licence_id")
      .notNull()
      .references(() => licences.id, { onDelete: "cascade" }),
    base_object_id: integer("base_object_id").notNull(),
    quantity: integer("quantity").notNull().default(1),
  },
  (t) => [
    ...standardIndexes("base_object_licences", t),
    unique("base_object_licences_licence_object_key").on(t.licence_id, t.base_object_id),
    index("base_object_licences_object_idx").on(t.base_object_id),
  ],
);
