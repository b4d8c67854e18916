import { index, inet, integer, macaddr, pgTable, unique, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { servers } from "../dcim/servers";
import { internetExchanges } from "./internet-exchanges";

export const ixpConnections = pgTable(
  "ixp_connections",
  {
    ...standardColumns,
    ...commentsColumn,
    internet_exchange_id: integer("internet_exchange_id")
      .notNull()
      .references(() => internetExchanges.id),
    router_id: integer("router_id").references(() => servers.id, { onDelete: "set null" }),
    ipv4_address: inet("ipv4_address"),
    ipv6_address: inet("ipv6_address"),
    vlan: integer("vlan"),
    mac_address: macaddr("mac_address"),
    description: varchar("description", { length: 200 }).notNull().default(""),
    name: varchar("name", { length: 100 }).notNull().default(""),
    interface: varchar("interface", { length: 100 }).notNull().default(""),
  },
  (t) => [
    ...standardIndexes("ixp_connections", t),
    index("ixp_connections_ix_idx").on(t.internet_exchange_id),
    unique("ixp_connections_ix_ipv4_key").on(t.internet_exchange_id, t.ipv4_address),
    unique("ixp_connections_ix_ipv6_key").on(t.internet_exchange_id, t.ipv6_address),
  ],
);
