import { index, integer, pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { servers } from "../dcim/servers";
import { serviceEnvironments } from "../services/service-environments";

const serviceEnvironmentId = () =>
  integer("service_environment_id").references(() => serviceEnvironments.id, { onDelete: "set null" });
const hypervisorId = () => integer("hypervisor_id").references(() => servers.id, { onDelete: "set null" });

export const clusters = pgTable(
  "clusters",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 100 }).notNull().unique(),
    cluster_type: varchar("cluster_type", { length: 20 }).notNull().default("other"),
    service_environment_id: serviceEnvironmentId(),
    description: varchar("description", { length: 200 }).notNull().default(""),
  },
  (t) => [...standardIndexes("clusters", t)],
);

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

export const cloudHosts = pgTable(
  "cloud_hosts",
  {
    ...standardColumns,
    ...commentsColumn,
    hostname: varchar("hostname", { length: 255 }).notNull(),
    cloud_provider: varchar("cloud_provider", { length: 100 }).notNull(),
    host_id: varchar("host_id", { length: 100 }).notNull().unique(),
    image_name: varchar("image_name", { length: 255 }).notNull().default(""),
    hypervisor_id: hypervisorId(),
    service_environment_id: serviceEnvironmentId(),
    cpu: integer("cpu"),
    memory_mb: integer("memory_mb"),
    disk_gb: integer("disk_gb"),
  },
  (t) => [...standardIndexes("cloud_hosts", t), index("cloud_hosts_hostname_idx").on(t.hostname)],
);
