CREATE TABLE "server_ethernet_interfaces" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"server_id" integer NOT NULL,
	"name" varchar(200) DEFAULT '' NOT NULL,
	"mac" varchar(32) DEFAULT '' NOT NULL,
	"speed_mbps" integer,
	"link_status" varchar(30) DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "server_firmwares" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"server_id" integer NOT NULL,
	"name" varchar(200) DEFAULT '' NOT NULL,
	"version" varchar(100) DEFAULT '' NOT NULL,
	"updateable" boolean
);
--> statement-breakpoint
CREATE TABLE "server_processors" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"server_id" integer NOT NULL,
	"name" varchar(200) DEFAULT '' NOT NULL,
	"manufacturer" varchar(100) DEFAULT '' NOT NULL,
	"model" varchar(200) DEFAULT '' NOT NULL,
	"cores" integer,
	"threads" integer,
	"speed_mhz" integer
);
--> statement-breakpoint
CREATE TABLE "server_storages" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"server_id" integer NOT NULL,
	"name" varchar(200) DEFAULT '' NOT NULL,
	"controllers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"drives" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"volumes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"capacity_bytes" bigint
);
--> statement-breakpoint
CREATE TABLE "auth_profiles" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"description" varchar(200) DEFAULT '' NOT NULL,
	"node_classification" varchar(100) DEFAULT '' NOT NULL,
	"bmc" varchar(20) DEFAULT 'redfish' NOT NULL,
	CONSTRAINT "auth_profiles_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "credentials" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"auth_profile_id" integer NOT NULL,
	"username" varchar(100) NOT NULL,
	"password" text NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nodes" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"address" "inet" NOT NULL,
	"port" integer NOT NULL,
	"bmc_url" varchar(200) DEFAULT '' NOT NULL,
	"vendor" varchar(100) DEFAULT '' NOT NULL,
	"product" varchar(100) DEFAULT '' NOT NULL,
	"redfish_version" varchar(20) DEFAULT '' NOT NULL,
	"status" varchar(20) DEFAULT 'discovered' NOT NULL,
	"scan_range_id" integer,
	"server_id" integer,
	"registered_with_id" integer,
	"last_error" text DEFAULT '' NOT NULL,
	"last_seen" timestamp (6) with time zone,
	CONSTRAINT "nodes_address_port_key" UNIQUE("address","port")
);
--> statement-breakpoint
CREATE TABLE "scan_ranges" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"ip_from" "inet" NOT NULL,
	"ip_to" "inet" NOT NULL,
	"ports" jsonb DEFAULT '[443]'::jsonb NOT NULL,
	"status" varchar(20) DEFAULT 'ready' NOT NULL,
	"last_scanned" timestamp (6) with time zone,
	"nodes_found" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "scan_ranges_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "firmware" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"version" varchar(50) NOT NULL,
	"firmware_type" varchar(20) DEFAULT 'bios' NOT NULL,
	"manufacturer_id" integer,
	"file_url" varchar(500) NOT NULL,
	"checksum" varchar(128) DEFAULT '' NOT NULL,
	"size" bigint
);
--> statement-breakpoint
CREATE TABLE "firmware_asset_models" (
	"firmware_id" integer NOT NULL,
	"asset_model_id" integer NOT NULL,
	CONSTRAINT "firmware_asset_models_firmware_id_asset_model_id_pk" PRIMARY KEY("firmware_id","asset_model_id")
);
--> statement-breakpoint
CREATE TABLE "os_images" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"version" varchar(50) DEFAULT '' NOT NULL,
	"arch" varchar(20) DEFAULT 'x86_64' NOT NULL,
	"file_url" varchar(500) NOT NULL,
	"checksum" varchar(128) DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "server_ethernet_interfaces" ADD CONSTRAINT "server_ethernet_interfaces_server_id_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."servers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "server_firmwares" ADD CONSTRAINT "server_firmwares_server_id_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."servers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "server_processors" ADD CONSTRAINT "server_processors_server_id_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."servers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "server_storages" ADD CONSTRAINT "server_storages_server_id_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."servers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_auth_profile_id_auth_profiles_id_fk" FOREIGN KEY ("auth_profile_id") REFERENCES "public"."auth_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nodes" ADD CONSTRAINT "nodes_scan_range_id_scan_ranges_id_fk" FOREIGN KEY ("scan_range_id") REFERENCES "public"."scan_ranges"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nodes" ADD CONSTRAINT "nodes_server_id_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."servers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nodes" ADD CONSTRAINT "nodes_registered_with_id_auth_profiles_id_fk" FOREIGN KEY ("registered_with_id") REFERENCES "public"."auth_profiles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firmware" ADD CONSTRAINT "firmware_manufacturer_id_manufacturers_id_fk" FOREIGN KEY ("manufacturer_id") REFERENCES "public"."manufacturers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firmware_asset_models" ADD CONSTRAINT "firmware_asset_models_firmware_id_firmware_id_fk" FOREIGN KEY ("firmware_id") REFERENCES "public"."firmware"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firmware_asset_models" ADD CONSTRAINT "firmware_asset_models_asset_model_id_asset_models_id_fk" FOREIGN KEY ("asset_model_id") REFERENCES "public"."asset_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "server_ethernet_interfaces_created_idx" ON "server_ethernet_interfaces" USING btree ("created");--> statement-breakpoint
CREATE INDEX "server_ethernet_interfaces_created_by_request_idx" ON "server_ethernet_interfaces" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "server_ethernet_interfaces_updated_by_request_idx" ON "server_ethernet_interfaces" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "server_ethernet_interfaces_server_idx" ON "server_ethernet_interfaces" USING btree ("server_id");--> statement-breakpoint
CREATE INDEX "server_ethernet_interfaces_mac_idx" ON "server_ethernet_interfaces" USING btree ("mac");--> statement-breakpoint
CREATE INDEX "server_firmwares_created_idx" ON "server_firmwares" USING btree ("created");--> statement-breakpoint
CREATE INDEX "server_firmwares_created_by_request_idx" ON "server_firmwares" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "server_firmwares_updated_by_request_idx" ON "server_firmwares" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "server_firmwares_server_idx" ON "server_firmwares" USING btree ("server_id");--> statement-breakpoint
CREATE INDEX "server_processors_created_idx" ON "server_processors" USING btree ("created");--> statement-breakpoint
CREATE INDEX "server_processors_created_by_request_idx" ON "server_processors" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "server_processors_updated_by_request_idx" ON "server_processors" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "server_processors_server_idx" ON "server_processors" USING btree ("server_id");--> statement-breakpoint
CREATE INDEX "server_storages_created_idx" ON "server_storages" USING btree ("created");--> statement-breakpoint
CREATE INDEX "server_storages_created_by_request_idx" ON "server_storages" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "server_storages_updated_by_request_idx" ON "server_storages" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "server_storages_server_idx" ON "server_storages" USING btree ("server_id");--> statement-breakpoint
CREATE INDEX "auth_profiles_created_idx" ON "auth_profiles" USING btree ("created");--> statement-breakpoint
CREATE INDEX "auth_profiles_created_by_request_idx" ON "auth_profiles" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "auth_profiles_updated_by_request_idx" ON "auth_profiles" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "credentials_created_idx" ON "credentials" USING btree ("created");--> statement-breakpoint
CREATE INDEX "credentials_created_by_request_idx" ON "credentials" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "credentials_updated_by_request_idx" ON "credentials" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "credentials_profile_idx" ON "credentials" USING btree ("auth_profile_id","priority");--> statement-breakpoint
CREATE INDEX "nodes_created_idx" ON "nodes" USING btree ("created");--> statement-breakpoint
CREATE INDEX "nodes_created_by_request_idx" ON "nodes" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "nodes_updated_by_request_idx" ON "nodes" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "nodes_server_idx" ON "nodes" USING btree ("server_id");--> statement-breakpoint
CREATE INDEX "nodes_scan_range_idx" ON "nodes" USING btree ("scan_range_id");--> statement-breakpoint
CREATE INDEX "nodes_status_idx" ON "nodes" USING btree ("status");--> statement-breakpoint
CREATE INDEX "scan_ranges_created_idx" ON "scan_ranges" USING btree ("created");--> statement-breakpoint
CREATE INDEX "scan_ranges_created_by_request_idx" ON "scan_ranges" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "scan_ranges_updated_by_request_idx" ON "scan_ranges" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "firmware_created_idx" ON "firmware" USING btree ("created");--> statement-breakpoint
CREATE INDEX "firmware_created_by_request_idx" ON "firmware" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "firmware_updated_by_request_idx" ON "firmware" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "firmware_name_idx" ON "firmware" USING btree ("name","version");--> statement-breakpoint
CREATE INDEX "firmware_asset_models_model_idx" ON "firmware_asset_models" USING btree ("asset_model_id");--> statement-breakpoint
CREATE INDEX "os_images_created_idx" ON "os_images" USING btree ("created");--> statement-breakpoint
CREATE INDEX "os_images_created_by_request_idx" ON "os_images" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "os_images_updated_by_request_idx" ON "os_images" USING btree ("updated_by_request");