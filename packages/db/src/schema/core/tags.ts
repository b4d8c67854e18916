import { index, integer, pgTable, primaryKey, text, varchar } from "drizzle-orm/pg-core";
import { standardColumns, standardIndexes } from "../columns";

export const tags = pgTable(
  "tags",
  {
    ...standardColumns,
    name: varchar("name", { length: 100 }).notNull().unique(),
    slug: varchar("slug", { length: 100 }).notNull().unique(),
    color: varchar("color", { length: 6 }).notNull().default("9e9e9e"),
    description: varchar("description", { length: 200 }).notNull().default(""),
  },
  (t) => [...standardIndexes("tags", t)],
);

/** Tags on any object: (tag, object type `app.resource`, object id). */
export const taggedItems = pgTable(
  "tagged_items",
  {
    tag_id: integer("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
    object_type: text("object_type").notNull(),
    object_id: integer("object_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.object_type, t.object_id, t.tag_id] }),
    index("tagged_items_tag_idx").on(t.tag_id, t.object_type),
  ],
);
