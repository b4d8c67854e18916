import { index, integer, pgTable, primaryKey } from "drizzle-orm/pg-core";
import { supports } from "../services/supports";

/** Assets covered by a support contract (base-object ids). */
export const supportAssets = pgTable(
  "support_assets",
  {
    support_id: integer("support_id")
      .notNull()
      .references(() => supports.id, { onDelete: "cascade" }),
    base_object_id: integer("base_object_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.support_id, t.base_object_id] }),
    index("support_assets_object_idx").on(t.base_object_id),
  ],
);
