import { index, inet, integer, pgTable, text, timestamp, unique, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { servers } from "../dcim/servers";
import { authProfiles } from "./auth-profiles";
import { scanRanges } from "./scan-ranges";

/** A BMC found by a scan; (address, port) is unique so rescans update, never duplicate. */
export const nodes = pgTable(
  "nodes",
  {
    ...standardColumns,
    ...commentsColumn,
    address: inet("address").notNull(),
    port: integer("port").notNull(),
    bmc_url: varchar("bmc_url", { length: 200 }).notNull().default(""),
    vendor: varchar("vendor", { length: 100 }).notNull().default(""),
    product: varchar("product", { length: 100 }).notNull().default(""),
    redfish_version: varchar("redfish_version", { length: 20 }).notNull().default(""),
    status: varchar("status", { length: 20 }).notNull().default("discovered"),
    scan_range_id: integer("scan_range_id").references(() => scanRanges.id, { onDelete: "set null" }),
    server_id: integer("server_id").references(() => servers.id, { onDelete: "set null" }),
    /** The profile that registered the node; later BMC actions log in with it. */
    registered_with_id: integer("registered_with_id").references(() => authProfiles.id, { onDelete: "set null" }),
    last_error: text("last_error").notNull().default(""),
    last_seen: timestamp("last_seen", { withTimezone: true, precision: 6 }),
  },
  (t) => [
    ...standardIndexes("nodes", t),
    unique("nodes_address_port_key").on(t.address, t.port),
    index("nodes_server_idx").on(t.server_id),
    index("nodes_scan_range_idx").on(t.scan_range_id),
    index("nodes_status_idx").on(t.status),
  ],
);
