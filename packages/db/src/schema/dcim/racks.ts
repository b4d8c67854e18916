import { index, integer, pgTable, unique, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { serverRooms } from "./server-rooms";

export const racks = pgTable(
  "racks",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull(),
    server_room_id: integer("server_room_id")
      .notNull()
      .references(() => serverRooms.id),
    u_height: integer("u_height").notNull().default(48),
    status: varchar("status", { length: 30 }).notNull().default("active"),
    asset_tag: varchar("asset_tag", { length: 50 }).unique(),
    serial_number: varchar("serial_number", { length: 100 }).notNull().default(""),
  },
  (t) => [
    ...standardIndexes("racks", t),
    unique("racks_room_name_key").on(t.server_room_id, t.name),
    index("racks_name_idx").on(t.name),
    index("racks_status_idx").on(t.status),
  ],
);
