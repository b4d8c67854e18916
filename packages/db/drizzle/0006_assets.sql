CREATE SEQUENCE "public"."base_object_ids" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "back_office_assets" (
	"id" integer PRIMARY KEY DEFAULT nextval('base_object_ids') NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"hostname" varchar(255) DEFAULT '' NOT NULL,
	"asset_model_id" integer,
	"sn" varchar(200),
	"barcode" varchar(200),
	"warehouse_id" integer NOT NULL,
	"location" varchar(128) DEFAULT '' NOT NULL,
	"user_name" varchar(150) DEFAULT '' NOT NULL,
	"owner_name" varchar(150) DEFAULT '' NOT NULL,
	"service_environment_id" integer,
	"status" varchar(30) DEFAULT 'new' NOT NULL,
	"price" numeric(12, 2),
	"invoice_date" date,
	CONSTRAINT "back_office_assets_sn_unique" UNIQUE("sn"),
	CONSTRAINT "back_office_assets_barcode_unique" UNIQUE("barcode")
);
--> statement-breakpoint
CREATE TABLE "base_object_licences" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"licence_id" integer NOT NULL,
	"base_object_id" integer NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "base_object_licences_licence_object_key" UNIQUE("licence_id","base_object_id")
);
--> statement-breakpoint
CREATE TABLE "domain_contracts" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"domain_id" integer NOT NULL,
	"registrar" varchar(100) DEFAULT '' NOT NULL,
	"expiration_date" date,
	"price" numeric(12, 2)
);
--> statement-breakpoint
CREATE TABLE "domains" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(255) NOT NULL,
	"status" varchar(30) DEFAULT 'active' NOT NULL,
	"dns_provider" varchar(100) DEFAULT '' NOT NULL,
	"domain_holder" varchar(100) DEFAULT '' NOT NULL,
	"business_owner" varchar(150) DEFAULT '' NOT NULL,
	"technical_owner" varchar(150) DEFAULT '' NOT NULL,
	"service_environment_id" integer,
	CONSTRAINT "domains_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "licences" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"software_id" integer NOT NULL,
	"niw" varchar(200) NOT NULL,
	"number_bought" integer NOT NULL,
	"sn" varchar(200) DEFAULT '' NOT NULL,
	"valid_thru" date,
	"invoice_date" date,
	"invoice_no" varchar(128) DEFAULT '' NOT NULL,
	"price" numeric(12, 2),
	"service_environment_id" integer,
	CONSTRAINT "licences_niw_unique" UNIQUE("niw")
);
--> statement-breakpoint
CREATE TABLE "sim_cards" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"card_number" varchar(22) NOT NULL,
	"phone_number" varchar(16) DEFAULT '' NOT NULL,
	"carrier" varchar(100) DEFAULT '' NOT NULL,
	"pin1" varchar(8),
	"puk1" varchar(16),
	"warehouse_id" integer,
	"user_name" varchar(150) DEFAULT '' NOT NULL,
	"status" varchar(30) DEFAULT 'new' NOT NULL,
	CONSTRAINT "sim_cards_card_number_unique" UNIQUE("card_number")
);
--> statement-breakpoint
CREATE TABLE "software" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(255) NOT NULL,
	"manufacturer_id" integer,
	CONSTRAINT "software_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "ssl_certificates" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(255) NOT NULL,
	"domain_ssl" varchar(255) DEFAULT '' NOT NULL,
	"certificate_type" varchar(20) DEFAULT 'ov' NOT NULL,
	"issuer" varchar(255) DEFAULT '' NOT NULL,
	"san" text DEFAULT '' NOT NULL,
	"date_from" date,
	"date_to" date,
	"price" numeric(12, 2),
	"service_environment_id" integer,
	CONSTRAINT "ssl_certificates_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "support_assets" (
	"support_id" integer NOT NULL,
	"base_object_id" integer NOT NULL,
	CONSTRAINT "support_assets_support_id_base_object_id_pk" PRIMARY KEY("support_id","base_object_id")
);
--> statement-breakpoint
CREATE TABLE "supports" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(255) NOT NULL,
	"contract_id" varchar(50) NOT NULL,
	"supplier" varchar(100) DEFAULT '' NOT NULL,
	"date_from" date,
	"date_to" date NOT NULL,
	"price" numeric(12, 2),
	"description" varchar(200) DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "service_environment_id" integer;--> statement-breakpoint
ALTER TABLE "back_office_assets" ADD CONSTRAINT "back_office_assets_asset_model_id_asset_models_id_fk" FOREIGN KEY ("asset_model_id") REFERENCES "public"."asset_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "back_office_assets" ADD CONSTRAINT "back_office_assets_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "back_office_assets" ADD CONSTRAINT "back_office_assets_service_environment_id_service_environments_id_fk" FOREIGN KEY ("service_environment_id") REFERENCES "public"."service_environments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "base_object_licences" ADD CONSTRAINT "base_object_licences_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domain_contracts" ADD CONSTRAINT "domain_contracts_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domains" ADD CONSTRAINT "domains_service_environment_id_service_environments_id_fk" FOREIGN KEY ("service_environment_id") REFERENCES "public"."service_environments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_software_id_software_id_fk" FOREIGN KEY ("software_id") REFERENCES "public"."software"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_service_environment_id_service_environments_id_fk" FOREIGN KEY ("service_environment_id") REFERENCES "public"."service_environments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sim_cards" ADD CONSTRAINT "sim_cards_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "software" ADD CONSTRAINT "software_manufacturer_id_manufacturers_id_fk" FOREIGN KEY ("manufacturer_id") REFERENCES "public"."manufacturers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ssl_certificates" ADD CONSTRAINT "ssl_certificates_service_environment_id_service_environments_id_fk" FOREIGN KEY ("service_environment_id") REFERENCES "public"."service_environments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_assets" ADD CONSTRAINT "support_assets_support_id_supports_id_fk" FOREIGN KEY ("support_id") REFERENCES "public"."supports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "back_office_assets_created_idx" ON "back_office_assets" USING btree ("created");--> statement-breakpoint
CREATE INDEX "back_office_assets_created_by_request_idx" ON "back_office_assets" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "back_office_assets_updated_by_request_idx" ON "back_office_assets" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "back_office_assets_hostname_idx" ON "back_office_assets" USING btree ("hostname");--> statement-breakpoint
CREATE INDEX "back_office_assets_warehouse_idx" ON "back_office_assets" USING btree ("warehouse_id");--> statement-breakpoint
CREATE INDEX "back_office_assets_status_idx" ON "back_office_assets" USING btree ("status");--> statement-breakpoint
CREATE INDEX "base_object_licences_created_idx" ON "base_object_licences" USING btree ("created");--> statement-breakpoint
CREATE INDEX "base_object_licences_created_by_request_idx" ON "base_object_licences" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "base_object_licences_updated_by_request_idx" ON "base_object_licences" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "base_object_licences_object_idx" ON "base_object_licences" USING btree ("base_object_id");--> statement-breakpoint
CREATE INDEX "domain_contracts_created_idx" ON "domain_contracts" USING btree ("created");--> statement-breakpoint
CREATE INDEX "domain_contracts_created_by_request_idx" ON "domain_contracts" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "domain_contracts_updated_by_request_idx" ON "domain_contracts" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "domain_contracts_domain_idx" ON "domain_contracts" USING btree ("domain_id");--> statement-breakpoint
CREATE INDEX "domains_created_idx" ON "domains" USING btree ("created");--> statement-breakpoint
CREATE INDEX "domains_created_by_request_idx" ON "domains" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "domains_updated_by_request_idx" ON "domains" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "licences_created_idx" ON "licences" USING btree ("created");--> statement-breakpoint
CREATE INDEX "licences_created_by_request_idx" ON "licences" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "licences_updated_by_request_idx" ON "licences" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "licences_software_idx" ON "licences" USING btree ("software_id");--> statement-breakpoint
CREATE INDEX "sim_cards_created_idx" ON "sim_cards" USING btree ("created");--> statement-breakpoint
CREATE INDEX "sim_cards_created_by_request_idx" ON "sim_cards" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "sim_cards_updated_by_request_idx" ON "sim_cards" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "software_created_idx" ON "software" USING btree ("created");--> statement-breakpoint
CREATE INDEX "software_created_by_request_idx" ON "software" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "software_updated_by_request_idx" ON "software" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "ssl_certificates_created_idx" ON "ssl_certificates" USING btree ("created");--> statement-breakpoint
CREATE INDEX "ssl_certificates_created_by_request_idx" ON "ssl_certificates" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "ssl_certificates_updated_by_request_idx" ON "ssl_certificates" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "ssl_certificates_date_to_idx" ON "ssl_certificates" USING btree ("date_to");--> statement-breakpoint
CREATE INDEX "support_assets_object_idx" ON "support_assets" USING btree ("base_object_id");--> statement-breakpoint
CREATE INDEX "supports_created_idx" ON "supports" USING btree ("created");--> statement-breakpoint
CREATE INDEX "supports_created_by_request_idx" ON "supports" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "supports_updated_by_request_idx" ON "supports" USING btree ("updated_by_request");--> statement-breakpoint
ALTER TABLE "servers" ADD CONSTRAINT "servers_service_environment_id_service_environments_id_fk" FOREIGN KEY ("service_environment_id") REFERENCES "public"."service_environments"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
-- Shared asset ids (hand-written): every asset table draws from base_object_ids.
SELECT setval('base_object_ids', greatest((SELECT coalesce(max(id), 0) FROM servers), (SELECT coalesce(max(id), 0) FROM switches), (SELECT coalesce(max(id), 0) FROM back_office_assets), (SELECT coalesce(max(id), 0) FROM virtual_servers), (SELECT coalesce(max(id), 0) FROM cloud_hosts)) + 1, false);--> statement-breakpoint
ALTER TABLE "servers" ALTER COLUMN "id" SET DEFAULT nextval('base_object_ids');--> statement-breakpoint
ALTER TABLE "switches" ALTER COLUMN "id" SET DEFAULT nextval('base_object_ids');--> statement-breakpoint
ALTER TABLE "virtual_servers" ALTER COLUMN "id" SET DEFAULT nextval('base_object_ids');--> statement-breakpoint
ALTER TABLE "cloud_hosts" ALTER COLUMN "id" SET DEFAULT nextval('base_object_ids');--> statement-breakpoint
CREATE OR REPLACE VIEW base_objects AS
  SELECT id, 'server'::varchar AS type, name, serial_number AS sn, asset_tag AS barcode, status,
         service_environment_id, created, updated, created_by_request, updated_by_request FROM servers
  UNION ALL
  SELECT id, 'switch', name, serial_number, asset_tag, status,
         NULL::integer, created, updated, created_by_request, updated_by_request FROM switches
  UNION ALL
  SELECT id, 'back_office_asset', hostname, coalesce(sn, ''), barcode, status,
         service_environment_id, created, updated, created_by_request, updated_by_request FROM back_office_assets
  UNION ALL
  SELECT id, 'virtual_server', hostname, sn, NULL, status,
         service_environment_id, created, updated, created_by_request, updated_by_request FROM virtual_servers
  UNION ALL
  SELECT id, 'cloud_host', hostname, host_id, NULL, 'in_use',
         service_environment_id, created, updated, created_by_request, updated_by_request FROM cloud_hosts;--> statement-breakpoint
-- Assignments to a deleted asset go with it (the reference spans five tables, so no foreign key can).
CREATE OR REPLACE FUNCTION base_object_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM base_object_licences WHERE base_object_id = OLD.id;
  DELETE FROM support_assets WHERE base_object_id = OLD.id;
  RETURN OLD;
END $$;--> statement-breakpoint
CREATE TRIGGER servers_base_object_deleted AFTER DELETE ON "servers" FOR EACH ROW EXECUTE FUNCTION base_object_deleted();--> statement-breakpoint
CREATE TRIGGER switches_base_object_deleted AFTER DELETE ON "switches" FOR EACH ROW EXECUTE FUNCTION base_object_deleted();--> statement-breakpoint
CREATE TRIGGER back_office_assets_base_object_deleted AFTER DELETE ON "back_office_assets" FOR EACH ROW EXECUTE FUNCTION base_object_deleted();--> statement-breakpoint
CREATE TRIGGER virtual_servers_base_object_deleted AFTER DELETE ON "virtual_servers" FOR EACH ROW EXECUTE FUNCTION base_object_deleted();--> statement-breakpoint
CREATE TRIGGER cloud_hosts_base_object_deleted AFTER DELETE ON "cloud_hosts" FOR EACH ROW EXECUTE FUNCTION base_object_deleted();
