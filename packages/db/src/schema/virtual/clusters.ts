import { pgTable, varchar } from "drizzle-orm/pg-core";
import { serviceEnvironmentId } from "../assets/service-environment-id";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";

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
