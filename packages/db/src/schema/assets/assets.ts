import { date, index, integer, numeric, pgTable, primaryKey, text, unique, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { assetModels } from "../dcim/asset-models";
import { manufacturers } from "../dcim/manufacturers";
import { warehouses } from "../dcim/warehouses";
import { serviceEnvironments } from "../services/service-environments";
import { supports } from "../services/supports";
import { users } from "../users/users";
import { baseObjectId } from "./base-object-ids";

const serviceEnvironmentId = () =>
  integer("service_environment_id").references(() => serviceEnvironments.id, { onDelete: "set null" });

export const backOfficeAssets = pgTable(
  "back_office_assets",
  {
    ...standardColumns,
    id: baseObjectId(),
    ...commentsColumn,
    hostname: varchar("hostname", { length: 255 }).notNull().default(""),
    asset_model_id: integer("asset_model_id").references(() => assetModels.id),
    sn: varchar("sn", { length: 200 }).unique(),
    barcode: varchar("barcode", { length: 200 }).unique(),
    warehouse_id: integer("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    location: varchar("location", { length: 128 }).notNull().default(""),
    user_id: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    owner_id: integer("owner_id").references(() => users.id, { onDelete: "set null" }),
    service_environment_id: serviceEnvironmentId(),
    status: varchar("status", { length: 30 }).notNull().default("new"),
    price: numeric("price", { precision: 12, scale: 2 }),
    invoice_date: date("invoice_date"),
  },
  (t) => [
    ...standardIndexes("back_office_assets", t),
    index("back_office_assets_hostname_idx").on(t.hostname),
    index("back_office_assets_warehouse_idx").on(t.warehouse_id),
    index("back_office_assets_status_idx").on(t.status),
  ],
);

export const software = pgTable(
  "software",
  {
    ...standardColumns,
    ...commentsColumn,
    name: varchar("name", { length: 255 }).notNull().unique(),
    manufacturer_id: integer("manufacturer_id").references(() => manufacturers.id, { onDelete: "set null" }),
  },
  (t) => [...standardIndexes("software", t)],
);

export const licences = pgTable(
  "licences",
  {
    ...standardColumns,
    ...commentsColumn,
    software_id: integer("software_id")
      .notNull()
      .references(() => software.id),
    niw: varchar("niw", { length: 200 }).notNull().unique(),
    number_bought: integer("number_bought").notNull(),
    sn: varchar("sn", { length: 200 }).notNull().default(""),
    valid_thru: date("valid_thru"),
    invoice_date: date("invoice_date"),
    invoice_no: varchar("invoice_no", { length: 128 }).notNull().default(""),
    price: numeric("price", { precision: 12, scale: 2 }),
    service_environment_id: serviceEnvironmentId(),
  },
  (t) => [...standardIndexes("licences", t), index("licences_software_idx").on(t.software_id)],
);

/** Licences on assets; `base_object_id` is an id of `base_object_ids` (any asset table), checked on write. */
export const baseObjectLicences = pgTable(
  "base_object_licences",
  {
    ...standardColumns,
    ...commentsColumn,
    licence_id: integer("licence_id")
      .notNull()
      .references(() => licences.id, { onDelete: "cascade" }),
    base_object_id: integer("base_object_id").notNull(),
    quantity: integer("quantity").notNull().default(1),
  },
  (t) => [
    ...standardIndexes("base_object_licences", t),
    unique("base_object_licences_licence_object_key").on(t.licence_id, t.base_object_id),
    index("base_object_licences_object_idx").on(t.base_object_id),
  ],
);

export const simCards = pgTable(
  "sim_cards",
  {
    ...standardColumns,
    ...commentsColumn,
    card_number: varchar("card_number", { length: 22 }).notNull().unique(),
    phone_number: varchar("phone_number", { length: 16 }).notNull().default(""),
    carrier: varchar("carrier", { length: 100 }).notNull().default(""),
    /** PIN and PUK, sealed (AES-256-GCM, `v2:<key id>:…`): write-only on the API. */
    pin1: text("pin1"),
    puk1: text("puk1"),
    warehouse_id: integer("warehouse_id").references(() => warehouses.id, { onDelete: "set null" }),
    user_id: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    status: varchar("status", { length: 30 }).notNull().default("new"),
  },
  (t) => [...standardIndexes("sim_cards", t)],
);

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

export const domainContracts = pgTable(
  "domain_contracts",
  {
    ...standardColumns,
    ...commentsColumn,
    domain_id: integer("domain_id")
      .notNull()
      .references(() => domains.id, { onDelete: "cascade" }),
    registrar: varchar("registrar", { length: 100 }).notNull().default(""),
    expiration_date: date("expiration_date"),
    price: numeric("price", { precision: 12, scale: 2 }),
  },
  (t) => [...standardIndexes("domain_contracts", t), index("domain_contracts_domain_idx").on(t.domain_id)],
);

/** Assets covered by a support contract (base-object ids). */
export const supportAssets = pgTable(
  "support_assets",
  {
    support_id: integer("support_id")
      .notNull()
      .references(() => supports.id, { onDelete: "cascade" }),
    base_object_id: integer("base_object_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.support_id, t.base_object_id] }),
    index("support_assets_object_idx").on(t.base_object_id),
  ],
);
