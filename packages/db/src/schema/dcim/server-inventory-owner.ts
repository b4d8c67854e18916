import { integer, varchar } from "drizzle-orm/pg-core";
import { servers } from "./servers";

/**
 * Columns of every inventory table read from a server's BMC (processors, interfaces,
 * storages, firmwares): the server and the part's name. Rows are replaced on each read
 * (register, refresh_inventory) and go with their server.
 */
export const inventoryOwner = () => ({
  server_id: integer("server_id")
    .notNull()
    .references(() => servers.id, { onDelete: "cascade" }),
  name: varchar("name", { length: 200 }).notNull().default(""),
});
