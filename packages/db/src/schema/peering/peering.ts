import { bigint, boolean, index, inet, integer, macaddr, pgTable, unique, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { servers } from "../dcim/servers";

export const autonomousSystems = pgTable(
  "autonomous_systems",
  {
    ...standardColumns,
    ...commentsColumn,
    // 32-bit AS numbers reach 4294967295: beyond PostgreSQL's integer.
    asn: bigint("asn", { mode: "number" }).notNull().unique(),
    name: varchar("name", { length: 200 }).notNull(),
    irr_as_set: varchar("irr_as_set", { length: 255 }).notNull().default(""),
    ipv4_max_prefixes: integer("ipv4_max_prefixes").notNull().default(0),
    ipv6_max_prefixes: integer("ipv6_max_prefixes").notNull().default(0),
    affiliated: boolean("affiliated").notNull().default(false),
    description: varchar("description", { length: 200 }).notNull().default(""),
  },
  (t) => [...standardIndexes("autonomous_systems", t)],
);

export const internetExchanges = pgTable(
  "internet_exchanges",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull().unique(),
    slug: varchar("slug", { length: 100 }).notNull().unique(),
    status: varchar("status", { length: 20 }).notNull().default("active"),
    description: varchar("description", { length: 200 }).notNull().default(""),
  },
  (t) => [...standardIndexes("internet_exchanges", t)],
);

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

export const ixpSessions = pgTable(
  "ixp_sessions",
  {
    ...standardColumns,
    ...commentsColumn,
    autonomous_system_id: integer("autonomous_system_id")
      .notNull()
      .references(() => autonomousSystems.id),
    ixp_connection_id: integer("ixp_connection_id")
      .notNull()
      .references(() => ixpConnections.id, { onDelete: "cascade" }),
    ip_address: inet("ip_address").notNull(),
    status: varchar("status", { length: 20 }).notNull().default("enabled"),
    multihop_ttl: integer("multihop_ttl").notNull().default(1),
    passive: boolean("passive").notNull().default(false),
    is_route_server: boolean("is_route_server").notNull().default(false),
    /** The BGP TCP-MD5 key: routers need it back, so it is stored, but the API never returns it. */
    password: varchar("password", { length: 80 }),
    description: varchar("description", { length: 200 }).notNull().default(""),
  },
  (t) => [
    ...standardIndexes("ixp_sessions", t),
    unique("ixp_sessions_connection_ip_key").on(t.ixp_connection_id, t.ip_address),
    index("ixp_sessions_as_idx").on(t.autonomous_system_id),
  ],
);
