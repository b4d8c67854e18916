import { index, integer, pgTable, varchar } from "drizzle-orm/pg-core";
import { standardColumns, standardIndexes } from "../columns";
import { inventoryOwner } from "./server-inventory-owner";

/** Processors of a server, as its BMC reported them on the last inventory read. */
export const serverProcessors = pgTable(
  "server_processors",
  {
    ...standardColumns,
    ...inventoryOwner(),
    manufacturer: varchar("manufacturer", { length: 100 }).notNull().default(""),
    model: varchar("model", { length: 200 }).notNull().default(""),
    cores: integer("cores"),
    threads: integer("threads"),
    speed_mhz: integer("speed_mhz"),
  },
  (t) => [...standardIndexes("server_processors", t), index("server_processors_server_idx").on(t.server_id)],
);
