import { date, index, numeric, pgTable, text, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { serviceEnvironmentId } from "./service-environment-id";

export const sslCertificates = pgTable(
  "ssl_certificates",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 255 }).notNull().unique(),
    domain_ssl: varchar("domain_ssl", { length: 255 }).notNull().default(""),
    certificate_type: varchar("certificate_type", { length: 20 }).notNull().default("ov"),
    issuer: varchar("issuer", { length: 255 }).notNull().default(""),
    san: text("san").notNull().default(""),
    date_from: date("date_from"),
    date_to: date("date_to"),
    price: numeric("price", { precision: 12, scale: 2 }),
    service_environment_id: serviceEnvironmentId(),
  },
  (t) => [...standardIndexes("ssl_certificates", t), index("ssl_certificates_date_to_idx").on(t.date_to)],
);
