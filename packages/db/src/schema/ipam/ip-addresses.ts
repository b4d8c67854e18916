import { index, inet, integer, pgTable, unique, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { serverEthernetInterfaces } from "../dcim/server-ethernet-interfaces";
import { networkEnvironments } from "./network-environments";
import { networks } from "./networks";

export const ipAddresses = pgTable(
  "ip_addresses",
  {
    ...standardColumns,
    ...commentsColumn,
    address: inet("address").notNull(),
    network_environment_id: integer("network_environment_id").references(() => networkEnvironments.id, {
      onDelete: "set null",
    }),
    /** Derived on every write: the smallest network of the environment containing the address. */
    network_id: integer("network_id").references(() => networks.id, { onDelete: "set null" }),
    hostname: varchar("hostname", { length: 255 }).notNull().default(""),
    dns_name: varchar("dns_name", { length: 255 }).notNull().default(""),
    status: varchar("status", { length: 30 }).notNull().default("active"),
    description: varchar("description", { length: 200 }).notNull().default(""),
    assigned_interface_id: integer("assigned_interface_id").references(() => serverEthernetInterfaces.id, {
      onDelete: "set null",
    }),
  },
  (t) => [
    ...standardIndexes("ip_addresses", t),
    index("ip_addresses_ordering_idx").on(t.address, t.id),
    unique("ip_addresses_env_address_key").on(t.network_environment_id, t.address).nullsNotDistinct(),
    index("ip_addresses_address_gist").using("gist", t.address.op("inet_ops")),
    index("ip_addresses_network_idx").on(t.network_id),
    index("ip_addresses_hostname_idx").on(t.hostname),
    index("ip_addresses_assigned_interface_idx").on(t.assigned_interface_id),
  ],
);
