CREATE TABLE "network_environments" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"data_center_id" integer,
	"description" varchar(200) DEFAULT '' NOT NULL,
	CONSTRAINT "network_environments_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "networks" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) DEFAULT '' NOT NULL,
	"address" "cidr" NOT NULL,
	"network_environment_id" integer,
	"vlan" integer,
	"gateway" "inet",
	"status" varchar(30) DEFAULT 'active' NOT NULL,
	"description" varchar(200) DEFAULT '' NOT NULL,
	CONSTRAINT "networks_env_address_key" UNIQUE NULLS NOT DISTINCT("network_environment_id","address")
);
--> statement-breakpoint
CREATE TABLE "ip_addresses" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"address" "inet" NOT NULL,
	"network_environment_id" integer,
	"network_id" integer,
	"hostname" varchar(255) DEFAULT '' NOT NULL,
	"dns_name" varchar(255) DEFAULT '' NOT NULL,
	"status" varchar(30) DEFAULT 'active' NOT NULL,
	"description" varchar(200) DEFAULT '' NOT NULL,
	CONSTRAINT "ip_addresses_env_address_key" UNIQUE NULLS NOT DISTINCT("network_environment_id","address")
);
--> statement-breakpoint
ALTER TABLE "network_environments" ADD CONSTRAINT "network_environments_data_center_id_data_centers_id_fk" FOREIGN KEY ("data_center_id") REFERENCES "public"."data_centers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_network_environment_id_network_environments_id_fk" FOREIGN KEY ("network_environment_id") REFERENCES "public"."network_environments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_addresses" ADD CONSTRAINT "ip_addresses_network_environment_id_network_environments_id_fk" FOREIGN KEY ("network_environment_id") REFERENCES "public"."network_environments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_addresses" ADD CONSTRAINT "ip_addresses_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_environments_created_idx" ON "network_environments" USING btree ("created");--> statement-breakpoint
CREATE INDEX "network_environments_created_by_request_idx" ON "network_environments" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "network_environments_updated_by_request_idx" ON "network_environments" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "network_environments_dc_idx" ON "network_environments" USING btree ("data_center_id");--> statement-breakpoint
CREATE INDEX "networks_created_idx" ON "networks" USING btree ("created");--> statement-breakpoint
CREATE INDEX "networks_created_by_request_idx" ON "networks" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "networks_updated_by_request_idx" ON "networks" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "networks_address_gist" ON "networks" USING gist ("address" inet_ops);--> statement-breakpoint
CREATE INDEX "networks_address_idx" ON "networks" USING btree ("address");--> statement-breakpoint
CREATE INDEX "ip_addresses_created_idx" ON "ip_addresses" USING btree ("created");--> statement-breakpoint
CREATE INDEX "ip_addresses_created_by_request_idx" ON "ip_addresses" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "ip_addresses_updated_by_request_idx" ON "ip_addresses" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "ip_addresses_address_gist" ON "ip_addresses" USING gist ("address" inet_ops);--> statement-breakpoint
CREATE INDEX "ip_addresses_network_idx" ON "ip_addresses" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "ip_addresses_hostname_idx" ON "ip_addresses" USING btree ("hostname");