import { boolean, index, inet, integer, jsonb, pgTable, text, timestamp, unique, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { autonomousSystems } from "./autonomous-systems";
import { bgpGroups } from "./bgp-groups";
import { ixpConnections } from "./ixp-connections";

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
    index("ixp_sessions_ordering_idx").on(t.ip_address, t.id),
    unique("ixp_sessions_connection_ip_key").on(t.ixp_connection_id, t.ip_address),
    index("ixp_sessions_as_idx").on(t.autonomous_system_id),
  ],
);
