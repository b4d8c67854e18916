import { pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { serviceEnvironmentId } from "./service-environment-id";

export const domains = pgTable(
  "domains",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 255 }).notNull().unique(),
    status: varchar("status", { length: 30 }).notNull().default("active"),
    dns_provider: varchar("dns_provider", { length: 100 }).notNull().default(""),
    domain_holder: varchar("domain_holder", { length: 100 }).notNull().default(""),
    business_owner: varchar("business_owner", { length: 150 }).notNull().default(""),
    technical_owner: varchar("technical_owner", { length: 150 }).notNull().default(""),
    service_environment_id: serviceEnvironmentId(),
  },
  (t) => [...standardIndexes("domains", t)],
);
