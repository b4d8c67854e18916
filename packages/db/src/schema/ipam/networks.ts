import { cidr, index, inet, integer, pgTable, unique, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { networkEnvironments } from "./network-environments";

export const networks = pgTable(
  "networks",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull().default(""),
    address: cidr("address").notNull(),
    network_environment_id: integer("network_environment_id").references(() => networkEnvironments.id, {
      onDelete: "set null",
    }),
    vlan: integer("vlan"),
    gateway: inet("gateway"),
    status: varchar("status", { length: 30 }).notNull().default("active"),
    description: varchar("description", { length: 200 }).notNull().default(""),
  },
  (t) => [
    ...standardIndexes("networks", t),
    // One network per address in an environment; NULL (no environment) is one space too.
    unique("networks_env_address_key").on(t.network_environment_id, t.address).nullsNotDistinct(),
    // GiST on inet_ops serves the containment operators (<<, <<=, >>, >>=).
    index("networks_address_gist").using("gist", t.address.op("inet_ops")),
    index("networks_address_idx").on(t.address),
  ],
);
