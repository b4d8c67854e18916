import { index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { tags } from "./tags";

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
