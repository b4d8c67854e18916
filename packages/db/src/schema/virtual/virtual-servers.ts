import { index, integer, pgTable, varchar } from "drizzle-orm/pg-core";
import { serviceEnvironmentId } from "../assets/service-environment-id";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { clusters } from "./clusters";
import { hypervisorId } from "./hypervisor-id";

export const virtualServers = pgTable(
  "virtual_servers",
  {
    ...standardColumns,
    ...commentsColumn,
    hostname: varchar("hostname", { length: 255 }).notNull(),
    hypervisor_id: hypervisorId(),
    cluster_id: integer("cluster_id").references(() => clusters.id, { onDelete: "set null" }),
    service_environment_id: serviceEnvironmentId(),
    status: varchar("status", { length: 30 }).notNull().default("new"),
    sn: varchar("sn", { length: 100 }).notNull().default(""),
    cpu: integer("cpu"),
    memory_mb: integer("memory_mb"),
    disk_gb: integer("disk_gb"),
    os: varchar("os", { length: 100 }).notNull().default(""),
  },
  (t) => [
    ...standardIndexes("virtual_servers", t),
    index("virtual_servers_hostname_idx").on(t.hostname),
    index("virtual_servers_hypervisor_idx").on(t.hypervisor_id),
    index("virtual_servers_cluster_idx").on(t.cluster_id),
    index("virtual_servers_sn_idx").on(t.sn),
  ],
);
