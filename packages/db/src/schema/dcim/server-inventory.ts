import { bigint, boolean, index, integer, jsonb, pgTable, varchar } from "drizzle-orm/pg-core";
import { standardColumns, standardIndexes } from "../columns";
import { servers } from "./servers";

/** Inventory read from a server's BMC; rows are replaced on each read (register, refresh_inventory). */
const owner = () => ({
  server_id: integer("server_id")
    .notNull()
    .references(() => servers.id, { onDelete: "cascade" }),
  name: varchar("name", { length: 200 }).notNull().default(""),
});

export const serverProcessors = pgTable(
  "server_processors",
  {
    ...standardColumns,
    ...owner(),
    manufacturer: varchar("manufacturer", { length: 100 }).notNull().default(""),
    model: varchar("model", { length: 200 }).notNull().default(""),
    cores: integer("cores"),
    threads: integer("threads"),
    speed_mhz: integer("speed_mhz"),
  },
  (t) => [...standardIndexes("server_processors", t), index("server_processors_server_idx").on(t.server_id)],
);

export const serverEthernetInterfaces = pgTable(
  "server_ethernet_interfaces",
  {
    ...standardColumns,
    ...owner(),
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

export const serverStorages = pgTable(
  "server_storages",
  {
    ...standardColumns,
    ...owner(),
    controllers: jsonb("controllers").notNull().default([]),
    drives: jsonb("drives").notNull().default([]),
    volumes: jsonb("volumes").notNull().default([]),
    capacity_bytes: bigint("capacity_bytes", { mode: "number" }),
  },
  (t) => [...standardIndexes("server_storages", t), index("server_storages_server_idx").on(t.server_id)],
);

export const serverFirmwares = pgTable(
  "server_firmwares",
  {
    ...standardColumns,
    ...owner(),
    version: varchar("version", { length: 100 }).notNull().default(""),
    updateable: boolean("updateable"),
  },
  (t) => [...standardIndexes("server_firmwares", t), index("server_firmwares_server_idx").on(t.server_id)],
);
