import { index, integer, pgTable, varchar } from "drizzle-orm/pg-core";
import { standardColumns, standardIndexes } from "../columns";
import { inventoryOwner } from "./server-inventory-owner";

/** Ethernet interfaces (IP addresses point at them) of a server, as its BMC reported them on the last inventory read. */
export const serverEthernetInterfaces = pgTable(
  "server_ethernet_interfaces",
  {
    ...standardColumns,
    ...inventoryOwner(),
    mac: varchar("mac", { length: 32 }).notNull().default(""),
    speed_mbps: integer("speed_mbps"),
    link_status: varchar("link_status", { length: 30 }).notNull().default(""),
  },
  (t) => [
    ...standardIndexes("server_ethernet_interfaces", t),
    index("server_ethernet_interfaces_server_idx").on(t.server_id),
    index("server_ethernet_interfaces_mac_idx").on(t.mac),
  ],
);
