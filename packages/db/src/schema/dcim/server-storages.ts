import { bigint, index, jsonb, pgTable } from "drizzle-orm/pg-core";
import { standardColumns, standardIndexes } from "../columns";
import { inventoryOwner } from "./server-inventory-owner";

/** Storage controllers, drives and volumes of a server, as its BMC reported them on the last inventory read. */
export const serverStorages = pgTable(
  "server_storages",
  {
    ...standardColumns,
    ...inventoryOwner(),
    controllers: jsonb("controllers").notNull().default([]),
    drives: jsonb("drives").notNull().default([]),
    volumes: jsonb("volumes").notNull().default([]),
    capacity_bytes: bigint("capacity_bytes", { mode: "number" }),
  },
  (t) => [...standardIndexes("server_storages", t), index("server_storages_server_idx").on(t.server_id)],
);
