import { index, integer, pgTable, unique, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { dataCenters } from "./data-centers";

export const serverRooms = pgTable(
  "server_rooms",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull(),
    data_center_id: integer("data_center_id")
      .notNull()
      .references(() => dataCenters.id),
  },
  (t) => [
    ...standardIndexes("server_rooms", t),
    index("server_rooms_ordering_idx").on(t.name, t.id),
    unique("server_rooms_dc_name_key").on(t.data_center_id, t.name),
  ],
);
