import { index, integer, pgTable, varchar } from "drizzle-orm/pg-core";
import { serviceEnvironmentId } from "../assets/service-environment-id";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { hypervisorId } from "./hypervisor-id";

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
