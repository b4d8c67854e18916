CREATE TABLE "access_zones" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"parent_id" integer,
	"description" varchar(200) DEFAULT '' NOT NULL,
	CONSTRAINT "access_zones_parent_name_key" UNIQUE NULLS NOT DISTINCT("parent_id","name")
);
--> statement-breakpoint
CREATE TABLE "accessories" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"rack_id" integer NOT NULL,
	"position" integer,
	"orientation" varchar(10) DEFAULT 'front' NOT NULL,
	"serial_number" varchar(100) DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warehouses" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"address" varchar(200) DEFAULT '' NOT NULL,
	"description" varchar(200) DEFAULT '' NOT NULL,
	CONSTRAINT "warehouses_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "autonomous_systems" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"asn" bigint NOT NULL,
	"name" varchar(200) NOT NULL,
	"irr_as_set" varchar(255) DEFAULT '' NOT NULL,
	"ipv4_max_prefixes" integer DEFAULT 0 NOT NULL,
	"ipv6_max_prefixes" integer DEFAULT 0 NOT NULL,
	"affiliated" boolean DEFAULT false NOT NULL,
	"description" varchar(200) DEFAULT '' NOT NULL,
	CONSTRAINT "autonomous_systems_asn_unique" UNIQUE("asn")
);
--> statement-breakpoint
CREATE TABLE "internet_exchanges" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"slug" varchar(100) NOT NULL,
	"status" varchar(20) DEFAULT 'active' NOT NULL,
	"description" varchar(200) DEFAULT '' NOT NULL,
	CONSTRAINT "internet_exchanges_name_unique" UNIQUE("name"),
	CONSTRAINT "internet_exchanges_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "ixp_connections" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"internet_exchange_id" integer NOT NULL,
	"router_id" integer,
	"ipv4_address" "inet",
	"ipv6_address" "inet",
	"vlan" integer,
	"mac_address" "macaddr",
	"description" varchar(200) DEFAULT '' NOT NULL,
	CONSTRAINT "ixp_connections_ix_ipv4_key" UNIQUE("internet_exchange_id","ipv4_address"),
	CONSTRAINT "ixp_connections_ix_ipv6_key" UNIQUE("internet_exchange_id","ipv6_address")
);
--> statement-breakpoint
CREATE TABLE "ixp_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"autonomous_system_id" integer NOT NULL,
	"ixp_connection_id" integer NOT NULL,
	"ip_address" "inet" NOT NULL,
	"status" varchar(20) DEFAULT 'enabled' NOT NULL,
	"multihop_ttl" integer DEFAULT 1 NOT NULL,
	"passive" boolean DEFAULT false NOT NULL,
	"is_route_server" boolean DEFAULT false NOT NULL,
	"password" varchar(80),
	"description" varchar(200) DEFAULT '' NOT NULL,
	CONSTRAINT "ixp_sessions_connection_ip_key" UNIQUE("ixp_connection_id","ip_address")
);
--> statement-breakpoint
CREATE TABLE "configuration_classes" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"module_id" integer NOT NULL,
	"description" varchar(200) DEFAULT '' NOT NULL,
	CONSTRAINT "configuration_classes_module_name_key" UNIQUE("module_id","name")
);
--> statement-breakpoint
CREATE TABLE "configuration_modules" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"parent_id" integer,
	"support_team_id" integer,
	"description" varchar(200) DEFAULT '' NOT NULL,
	CONSTRAINT "configuration_modules_parent_name_key" UNIQUE NULLS NOT DISTINCT("parent_id","name")
);
--> statement-breakpoint
CREATE TABLE "environments" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"description" varchar(200) DEFAULT '' NOT NULL,
	CONSTRAINT "environments_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "service_environments" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"service_id" integer NOT NULL,
	"environment_id" integer NOT NULL,
	CONSTRAINT "service_environments_service_env_key" UNIQUE("service_id","environment_id")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"uid" varchar(40),
	"active" boolean DEFAULT true NOT NULL,
	"business_owners" varchar(200) DEFAULT '' NOT NULL,
	"technical_owners" varchar(200) DEFAULT '' NOT NULL,
	"support_team_id" integer,
	CONSTRAINT "services_name_unique" UNIQUE("name"),
	CONSTRAINT "services_uid_unique" UNIQUE("uid")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"description" varchar(200) DEFAULT '' NOT NULL,
	CONSTRAINT "teams_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "cloud_hosts" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"hostname" varchar(255) NOT NULL,
	"cloud_provider" varchar(100) NOT NULL,
	"host_id" varchar(100) NOT NULL,
	"image_name" varchar(255) DEFAULT '' NOT NULL,
	"hypervisor_id" integer,
	"service_environment_id" integer,
	"cpu" integer,
	"memory_mb" integer,
	"disk_gb" integer,
	CONSTRAINT "cloud_hosts_host_id_unique" UNIQUE("host_id")
);
--> statement-breakpoint
CREATE TABLE "clusters" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"cluster_type" varchar(20) DEFAULT 'other' NOT NULL,
	"service_environment_id" integer,
	"description" varchar(200) DEFAULT '' NOT NULL,
	CONSTRAINT "clusters_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "virtual_servers" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"hostname" varchar(255) NOT NULL,
	"hypervisor_id" integer,
	"cluster_id" integer,
	"service_environment_id" integer,
	"status" varchar(30) DEFAULT 'new' NOT NULL,
	"sn" varchar(100) DEFAULT '' NOT NULL,
	"cpu" integer,
	"memory_mb" integer,
	"disk_gb" integer,
	"os" varchar(100) DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "access_zones" ADD CONSTRAINT "access_zones_parent_id_access_zones_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."access_zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accessories" ADD CONSTRAINT "accessories_rack_id_racks_id_fk" FOREIGN KEY ("rack_id") REFERENCES "public"."racks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ixp_connections" ADD CONSTRAINT "ixp_connections_internet_exchange_id_internet_exchanges_id_fk" FOREIGN KEY ("internet_exchange_id") REFERENCES "public"."internet_exchanges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ixp_connections" ADD CONSTRAINT "ixp_connections_router_id_servers_id_fk" FOREIGN KEY ("router_id") REFERENCES "public"."servers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ixp_sessions" ADD CONSTRAINT "ixp_sessions_autonomous_system_id_autonomous_systems_id_fk" FOREIGN KEY ("autonomous_system_id") REFERENCES "public"."autonomous_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ixp_sessions" ADD CONSTRAINT "ixp_sessions_ixp_connection_id_ixp_connections_id_fk" FOREIGN KEY ("ixp_connection_id") REFERENCES "public"."ixp_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "configuration_classes" ADD CONSTRAINT "configuration_classes_module_id_configuration_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."configuration_modules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "configuration_modules" ADD CONSTRAINT "configuration_modules_parent_id_configuration_modules_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."configuration_modules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "configuration_modules" ADD CONSTRAINT "configuration_modules_support_team_id_teams_id_fk" FOREIGN KEY ("support_team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_environments" ADD CONSTRAINT "service_environments_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_environments" ADD CONSTRAINT "service_environments_environment_id_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."environments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_support_team_id_teams_id_fk" FOREIGN KEY ("support_team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cloud_hosts" ADD CONSTRAINT "cloud_hosts_hypervisor_id_servers_id_fk" FOREIGN KEY ("hypervisor_id") REFERENCES "public"."servers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cloud_hosts" ADD CONSTRAINT "cloud_hosts_service_environment_id_service_environments_id_fk" FOREIGN KEY ("service_environment_id") REFERENCES "public"."service_environments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_service_environment_id_service_environments_id_fk" FOREIGN KEY ("service_environment_id") REFERENCES "public"."service_environments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "virtual_servers" ADD CONSTRAINT "virtual_servers_hypervisor_id_servers_id_fk" FOREIGN KEY ("hypervisor_id") REFERENCES "public"."servers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "virtual_servers" ADD CONSTRAINT "virtual_servers_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "virtual_servers" ADD CONSTRAINT "virtual_servers_service_environment_id_service_environments_id_fk" FOREIGN KEY ("service_environment_id") REFERENCES "public"."service_environments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_zones_created_idx" ON "access_zones" USING btree ("created");--> statement-breakpoint
CREATE INDEX "access_zones_created_by_request_idx" ON "access_zones" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "access_zones_updated_by_request_idx" ON "access_zones" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "access_zones_parent_idx" ON "access_zones" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "accessories_created_idx" ON "accessories" USING btree ("created");--> statement-breakpoint
CREATE INDEX "accessories_created_by_request_idx" ON "accessories" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "accessories_updated_by_request_idx" ON "accessories" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "accessories_rack_idx" ON "accessories" USING btree ("rack_id");--> statement-breakpoint
CREATE INDEX "warehouses_created_idx" ON "warehouses" USING btree ("created");--> statement-breakpoint
CREATE INDEX "warehouses_created_by_request_idx" ON "warehouses" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "warehouses_updated_by_request_idx" ON "warehouses" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "autonomous_systems_created_idx" ON "autonomous_systems" USING btree ("created");--> statement-breakpoint
CREATE INDEX "autonomous_systems_created_by_request_idx" ON "autonomous_systems" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "autonomous_systems_updated_by_request_idx" ON "autonomous_systems" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "internet_exchanges_created_idx" ON "internet_exchanges" USING btree ("created");--> statement-breakpoint
CREATE INDEX "internet_exchanges_created_by_request_idx" ON "internet_exchanges" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "internet_exchanges_updated_by_request_idx" ON "internet_exchanges" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "ixp_connections_created_idx" ON "ixp_connections" USING btree ("created");--> statement-breakpoint
CREATE INDEX "ixp_connections_created_by_request_idx" ON "ixp_connections" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "ixp_connections_updated_by_request_idx" ON "ixp_connections" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "ixp_connections_ix_idx" ON "ixp_connections" USING btree ("internet_exchange_id");--> statement-breakpoint
CREATE INDEX "ixp_sessions_created_idx" ON "ixp_sessions" USING btree ("created");--> statement-breakpoint
CREATE INDEX "ixp_sessions_created_by_request_idx" ON "ixp_sessions" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "ixp_sessions_updated_by_request_idx" ON "ixp_sessions" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "ixp_sessions_as_idx" ON "ixp_sessions" USING btree ("autonomous_system_id");--> statement-breakpoint
CREATE INDEX "configuration_classes_created_idx" ON "configuration_classes" USING btree ("created");--> statement-breakpoint
CREATE INDEX "configuration_classes_created_by_request_idx" ON "configuration_classes" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "configuration_classes_updated_by_request_idx" ON "configuration_classes" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "configuration_modules_created_idx" ON "configuration_modules" USING btree ("created");--> statement-breakpoint
CREATE INDEX "configuration_modules_created_by_request_idx" ON "configuration_modules" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "configuration_modules_updated_by_request_idx" ON "configuration_modules" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "configuration_modules_parent_idx" ON "configuration_modules" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "environments_created_idx" ON "environments" USING btree ("created");--> statement-breakpoint
CREATE INDEX "environments_created_by_request_idx" ON "environments" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "environments_updated_by_request_idx" ON "environments" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "service_environments_created_idx" ON "service_environments" USING btree ("created");--> statement-breakpoint
CREATE INDEX "service_environments_created_by_request_idx" ON "service_environments" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "service_environments_updated_by_request_idx" ON "service_environments" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "service_environments_environment_idx" ON "service_environments" USING btree ("environment_id");--> statement-breakpoint
CREATE INDEX "services_created_idx" ON "services" USING btree ("created");--> statement-breakpoint
CREATE INDEX "services_created_by_request_idx" ON "services" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "services_updated_by_request_idx" ON "services" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "services_support_team_idx" ON "services" USING btree ("support_team_id");--> statement-breakpoint
CREATE INDEX "teams_created_idx" ON "teams" USING btree ("created");--> statement-breakpoint
CREATE INDEX "teams_created_by_request_idx" ON "teams" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "teams_updated_by_request_idx" ON "teams" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "cloud_hosts_created_idx" ON "cloud_hosts" USING btree ("created");--> statement-breakpoint
CREATE INDEX "cloud_hosts_created_by_request_idx" ON "cloud_hosts" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "cloud_hosts_updated_by_request_idx" ON "cloud_hosts" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "cloud_hosts_hostname_idx" ON "cloud_hosts" USING btree ("hostname");--> statement-breakpoint
CREATE INDEX "clusters_created_idx" ON "clusters" USING btree ("created");--> statement-breakpoint
CREATE INDEX "clusters_created_by_request_idx" ON "clusters" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "clusters_updated_by_request_idx" ON "clusters" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "virtual_servers_created_idx" ON "virtual_servers" USING btree ("created");--> statement-breakpoint
CREATE INDEX "virtual_servers_created_by_request_idx" ON "virtual_servers" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "virtual_servers_updated_by_request_idx" ON "virtual_servers" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "virtual_servers_hostname_idx" ON "virtual_servers" USING btree ("hostname");--> statement-breakpoint
CREATE INDEX "virtual_servers_hypervisor_idx" ON "virtual_servers" USING btree ("hypervisor_id");--> statement-breakpoint
CREATE INDEX "virtual_servers_cluster_idx" ON "virtual_servers" USING btree ("cluster_id");--> statement-breakpoint
CREATE INDEX "virtual_servers_sn_idx" ON "virtual_servers" USING btree ("sn");