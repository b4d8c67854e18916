import { index, integer, jsonb, pgTable, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { standardColumns } from "../columns";
import { users } from "../users/users";

/** The change log: written by the generic service in the transaction of each change. */
export const objectChanges = pgTable(
  "object_changes",
  {
    ...standardColumns,
    time: timestamp("time", { withTimezone: true, precision: 6 }).notNull().defaultNow(),
    user_id: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    user_name: varchar("user_name", { length: 150 }).notNull().default(""),
    request_id: varchar("request_id", { length: 36 }),
    action: varchar("action", { length: 10 }).notNull(),
    object_type: varchar("object_type", { length: 100 }).notNull(),
    object_id: integer("object_id").notNull(),
    object_repr: text("object_repr").notNull().default(""),
    prechange_data: jsonb("prechange_data"),
    postchange_data: jsonb("postchange_data"),
    /** A workflow transition's name, source, target and parameters (reason…); null for other changes. */
    transition: jsonb("transition"),
  },
  (t) => [
    index("object_changes_time_idx").on(t.time),
    index("object_changes_request_idx").on(t.request_id, t.object_type),
    index("object_changes_object_idx").on(t.object_type, t.object_id),
    index("object_changes_user_idx").on(t.user_id),
  ],
);
