import { boolean, index, pgTable, varchar } from "drizzle-orm/pg-core";
import { standardColumns, standardIndexes } from "../columns";
import { inventoryOwner } from "./server-inventory-owner";

/** Firmware components of a server, as its BMC reported them on the last inventory read. */
export const serverFirmwares = pgTable(
  "server_firmwares",
  {
    ...standardColumns,
    ...inventoryOwner(),
    version: varchar("version", { length: 100 }).notNull().default(""),
    updateable: boolean("updateable"),
  },
  (t) => [...standardIndexes("server_firmwares", t), index("server_firmwares_server_idx").on(t.server_id)],
);
