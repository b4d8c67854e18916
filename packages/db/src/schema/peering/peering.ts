import {
  bigint,
  boolean,
  index,
  inet,
  integer,
  jsonb,
  macaddr,
  type PgColumn,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  varchar,
} from "drizzle-orm/pg-core";
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
    local_context_data: jsonb("local_context_data"),
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
    /** The BGP TCP-MD5 key, sealed (AES-256-GCM, `v2:<key id>:…`): routers need it back, the API never returns it. */
    password: text("password"),
    description: varchar("description", { length: 200 }).notNull().default(""),
    bgp_group_id: integer("bgp_group_id").references(() => bgpGroups.id, { onDelete: "set null" }),
    bgp_state: varchar("bgp_state", { length: 20 }),
    received_prefix_count: integer("received_prefix_count").notNull().default(0),
    advertised_prefix_count: integer("advertised_prefix_count").notNull().default(0),
    last_established_state: timestamp("last_established_state", { withTimezone: true, precision: 6, mode: "string" }),
    local_context_data: jsonb("local_context_data"),
    exists_in_peeringdb: boolean("exists_in_peeringdb").notNull().default(false),
    is_abandoned: boolean("is_abandoned").notNull().default(false),
    service_reference: varchar("service_reference", { length: 255 }).unique(),
  },
  (t) => [
    ...standardIndexes("ixp_sessions", t),
    unique("ixp_sessions_connection_ip_key").on(t.ixp_connection_id, t.ip_address),
    index("ixp_sessions_as_idx").on(t.autonomous_system_id),
  ],
);

export const routingPolicies = pgTable(
  "routing_policies",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull().unique(),
    slug: varchar("slug", { length: 100 }).notNull().unique(),
    type: varchar("type", { length: 30 }).notNull().default("import-policy"),
    weight: integer("weight").notNull().default(0),
    address_family: integer("address_family").notNull().default(0),
    description: varchar("description", { length: 200 }).notNull().default(""),
    local_context_data: jsonb("local_context_data"),
  },
  (t) => [...standardIndexes("routing_policies", t)],
);

export const communities = pgTable(
  "communities",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull().unique(),
    slug: varchar("slug", { length: 100 }).notNull().unique(),
    value: varchar("value", { length: 50 }).notNull(),
    type: varchar("type", { length: 20 }),
    description: varchar("description", { length: 200 }).notNull().default(""),
    local_context_data: jsonb("local_context_data"),
  },
  (t) => [...standardIndexes("communities", t)],
);

export const bgpGroups = pgTable(
  "bgp_groups",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull().unique(),
    slug: varchar("slug", { length: 100 }).notNull().unique(),
    status: varchar("status", { length: 20 }).notNull().default("enabled"),
    description: varchar("description", { length: 200 }).notNull().default(""),
    local_context_data: jsonb("local_context_data"),
  },
  (t) => [...standardIndexes("bgp_groups", t)],
);

/** One join table of an owner's policies or communities (`ixp_session_communities` …). */
function joinTable(name: string, owner: () => PgColumn, target: () => PgColumn) {
  return pgTable(
    name,
    {
      owner_id: integer("owner_id").notNull().references(owner, { onDelete: "cascade" }),
      target_id: integer("target_id").notNull().references(target, { onDelete: "cascade" }),
    },
    (t) => [primaryKey({ columns: [t.owner_id, t.target_id] }), index(`${name}_target_idx`).on(t.target_id)],
  );
}

export const ixpSessionImportPolicies = joinTable(
  "ixp_session_import_policies",
  () => ixpSessions.id,
  () => routingPolicies.id,
);
export const ixpSessionExportPolicies = joinTable(
  "ixp_session_export_policies",
  () => ixpSessions.id,
  () => routingPolicies.id,
);
export const ixpSessionCommunities = joinTable(
  "ixp_session_communities",
  () => ixpSessions.id,
  () => communities.id,
);
export const asImportPolicies = joinTable(
  "autonomous_system_import_policies",
  () => autonomousSystems.id,
  () => routingPolicies.id,
);
export const asExportPolicies = joinTable(
  "autonomous_system_export_policies",
  () => autonomousSystems.id,
  () => routingPolicies.id,
);
export const asCommunities = joinTable(
  "autonomous_system_communities",
  () => autonomousSystems.id,
  () => communities.id,
);
export const bgpGroupImportPolicies = joinTable(
  "bgp_group_import_policies",
  () => bgpGroups.id,
  () => routingPolicies.id,
);
export const bgpGroupExportPolicies = joinTable(
  "bgp_group_export_policies",
  () => bgpGroups.id,
  () => routingPolicies.id,
);
export const bgpGroupCommunities = joinTable(
  "bgp_group_communities",
  () => bgpGroups.id,
  () => communities.id,
);
