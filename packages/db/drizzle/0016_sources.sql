CREATE TABLE "autonomous_system_communities" (
	"owner_id" integer NOT NULL,
	"target_id" integer NOT NULL,
	CONSTRAINT "autonomous_system_communities_owner_id_target_id_pk" PRIMARY KEY("owner_id","target_id")
);
--> statement-breakpoint
CREATE TABLE "autonomous_system_export_policies" (
	"owner_id" integer NOT NULL,
	"target_id" integer NOT NULL,
	CONSTRAINT "autonomous_system_export_policies_owner_id_target_id_pk" PRIMARY KEY("owner_id","target_id")
);
--> statement-breakpoint
CREATE TABLE "autonomous_system_import_policies" (
	"owner_id" integer NOT NULL,
	"target_id" integer NOT NULL,
	CONSTRAINT "autonomous_system_import_policies_owner_id_target_id_pk" PRIMARY KEY("owner_id","target_id")
);
--> statement-breakpoint
CREATE TABLE "bgp_group_communities" (
	"owner_id" integer NOT NULL,
	"target_id" integer NOT NULL,
	CONSTRAINT "bgp_group_communities_owner_id_target_id_pk" PRIMARY KEY("owner_id","target_id")
);
--> statement-breakpoint
CREATE TABLE "bgp_group_export_policies" (
	"owner_id" integer NOT NULL,
	"target_id" integer NOT NULL,
	CONSTRAINT "bgp_group_export_policies_owner_id_target_id_pk" PRIMARY KEY("owner_id","target_id")
);
--> statement-breakpoint
CREATE TABLE "bgp_group_import_policies" (
	"owner_id" integer NOT NULL,
	"target_id" integer NOT NULL,
	CONSTRAINT "bgp_group_import_policies_owner_id_target_id_pk" PRIMARY KEY("owner_id","target_id")
);
--> statement-breakpoint
CREATE TABLE "bgp_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"slug" varchar(100) NOT NULL,
	"status" varchar(20) DEFAULT 'enabled' NOT NULL,
	"description" varchar(200) DEFAULT '' NOT NULL,
	"local_context_data" jsonb,
	CONSTRAINT "bgp_groups_name_unique" UNIQUE("name"),
	CONSTRAINT "bgp_groups_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "communities" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"slug" varchar(100) NOT NULL,
	"value" varchar(50) NOT NULL,
	"type" varchar(20),
	"description" varchar(200) DEFAULT '' NOT NULL,
	"local_context_data" jsonb,
	CONSTRAINT "communities_name_unique" UNIQUE("name"),
	CONSTRAINT "communities_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "ixp_session_communities" (
	"owner_id" integer NOT NULL,
	"target_id" integer NOT NULL,
	CONSTRAINT "ixp_session_communities_owner_id_target_id_pk" PRIMARY KEY("owner_id","target_id")
);
--> statement-breakpoint
CREATE TABLE "ixp_session_export_policies" (
	"owner_id" integer NOT NULL,
	"target_id" integer NOT NULL,
	CONSTRAINT "ixp_session_export_policies_owner_id_target_id_pk" PRIMARY KEY("owner_id","target_id")
);
--> statement-breakpoint
CREATE TABLE "ixp_session_import_policies" (
	"owner_id" integer NOT NULL,
	"target_id" integer NOT NULL,
	CONSTRAINT "ixp_session_import_policies_owner_id_target_id_pk" PRIMARY KEY("owner_id","target_id")
);
--> statement-breakpoint
CREATE TABLE "routing_policies" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"slug" varchar(100) NOT NULL,
	"type" varchar(30) DEFAULT 'import-policy' NOT NULL,
	"weight" integer DEFAULT 0 NOT NULL,
	"address_family" integer DEFAULT 0 NOT NULL,
	"description" varchar(200) DEFAULT '' NOT NULL,
	"local_context_data" jsonb,
	CONSTRAINT "routing_policies_name_unique" UNIQUE("name"),
	CONSTRAINT "routing_policies_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "object_changes" ADD COLUMN "transition" jsonb;--> statement-breakpoint
ALTER TABLE "ip_addresses" ADD COLUMN "assigned_interface_id" integer;--> statement-breakpoint
ALTER TABLE "autonomous_systems" ADD COLUMN "local_context_data" jsonb;--> statement-breakpoint
ALTER TABLE "ixp_connections" ADD COLUMN "name" varchar(100) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "ixp_connections" ADD COLUMN "interface" varchar(100) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "ixp_sessions" ADD COLUMN "bgp_group_id" integer;--> statement-breakpoint
ALTER TABLE "ixp_sessions" ADD COLUMN "bgp_state" varchar(20);--> statement-breakpoint
ALTER TABLE "ixp_sessions" ADD COLUMN "received_prefix_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "ixp_sessions" ADD COLUMN "advertised_prefix_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "ixp_sessions" ADD COLUMN "last_established_state" timestamp(6) with time zone;--> statement-breakpoint
ALTER TABLE "ixp_sessions" ADD COLUMN "local_context_data" jsonb;--> statement-breakpoint
ALTER TABLE "ixp_sessions" ADD COLUMN "exists_in_peeringdb" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "ixp_sessions" ADD COLUMN "is_abandoned" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "ixp_sessions" ADD COLUMN "service_reference" varchar(255);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "scopes" varchar(500) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "autonomous_system_communities" ADD CONSTRAINT "autonomous_system_communities_owner_id_autonomous_systems_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."autonomous_systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomous_system_communities" ADD CONSTRAINT "autonomous_system_communities_target_id_communities_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomous_system_export_policies" ADD CONSTRAINT "autonomous_system_export_policies_owner_id_autonomous_systems_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."autonomous_systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomous_system_export_policies" ADD CONSTRAINT "autonomous_system_export_policies_target_id_routing_policies_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."routing_policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomous_system_import_policies" ADD CONSTRAINT "autonomous_system_import_policies_owner_id_autonomous_systems_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."autonomous_systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autonomous_system_import_policies" ADD CONSTRAINT "autonomous_system_import_policies_target_id_routing_policies_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."routing_policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bgp_group_communities" ADD CONSTRAINT "bgp_group_communities_owner_id_bgp_groups_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."bgp_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bgp_group_communities" ADD CONSTRAINT "bgp_group_communities_target_id_communities_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bgp_group_export_policies" ADD CONSTRAINT "bgp_group_export_policies_owner_id_bgp_groups_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."bgp_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bgp_group_export_policies" ADD CONSTRAINT "bgp_group_export_policies_target_id_routing_policies_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."routing_policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bgp_group_import_policies" ADD CONSTRAINT "bgp_group_import_policies_owner_id_bgp_groups_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."bgp_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bgp_group_import_policies" ADD CONSTRAINT "bgp_group_import_policies_target_id_routing_policies_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."routing_policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ixp_session_communities" ADD CONSTRAINT "ixp_session_communities_owner_id_ixp_sessions_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."ixp_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ixp_session_communities" ADD CONSTRAINT "ixp_session_communities_target_id_communities_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ixp_session_export_policies" ADD CONSTRAINT "ixp_session_export_policies_owner_id_ixp_sessions_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."ixp_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ixp_session_export_policies" ADD CONSTRAINT "ixp_session_export_policies_target_id_routing_policies_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."routing_policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ixp_session_import_policies" ADD CONSTRAINT "ixp_session_import_policies_owner_id_ixp_sessions_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."ixp_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ixp_session_import_policies" ADD CONSTRAINT "ixp_session_import_policies_target_id_routing_policies_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."routing_policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "autonomous_system_communities_target_idx" ON "autonomous_system_communities" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "autonomous_system_export_policies_target_idx" ON "autonomous_system_export_policies" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "autonomous_system_import_policies_target_idx" ON "autonomous_system_import_policies" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "bgp_group_communities_target_idx" ON "bgp_group_communities" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "bgp_group_export_policies_target_idx" ON "bgp_group_export_policies" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "bgp_group_import_policies_target_idx" ON "bgp_group_import_policies" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "bgp_groups_created_idx" ON "bgp_groups" USING btree ("created");--> statement-breakpoint
CREATE INDEX "bgp_groups_created_by_request_idx" ON "bgp_groups" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "bgp_groups_updated_by_request_idx" ON "bgp_groups" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "communities_created_idx" ON "communities" USING btree ("created");--> statement-breakpoint
CREATE INDEX "communities_created_by_request_idx" ON "communities" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "communities_updated_by_request_idx" ON "communities" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "ixp_session_communities_target_idx" ON "ixp_session_communities" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "ixp_session_export_policies_target_idx" ON "ixp_session_export_policies" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "ixp_session_import_policies_target_idx" ON "ixp_session_import_policies" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "routing_policies_created_idx" ON "routing_policies" USING btree ("created");--> statement-breakpoint
CREATE INDEX "routing_policies_created_by_request_idx" ON "routing_policies" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "routing_policies_updated_by_request_idx" ON "routing_policies" USING btree ("updated_by_request");--> statement-breakpoint
ALTER TABLE "ip_addresses" ADD CONSTRAINT "ip_addresses_assigned_interface_id_server_ethernet_interfaces_id_fk" FOREIGN KEY ("assigned_interface_id") REFERENCES "public"."server_ethernet_interfaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ixp_sessions" ADD CONSTRAINT "ixp_sessions_bgp_group_id_bgp_groups_id_fk" FOREIGN KEY ("bgp_group_id") REFERENCES "public"."bgp_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ip_addresses_assigned_interface_idx" ON "ip_addresses" USING btree ("assigned_interface_id");--> statement-breakpoint
ALTER TABLE "ixp_sessions" ADD CONSTRAINT "ixp_sessions_service_reference_unique" UNIQUE("service_reference");--> statement-breakpoint
-- Row counts of the new tables (and per-status counts of BGP groups), like every table with an id.
SELECT rackplane_track_count('routing_policies');--> statement-breakpoint
SELECT rackplane_track_count('communities');--> statement-breakpoint
SELECT rackplane_track_count('bgp_groups');--> statement-breakpoint
SELECT rackplane_track_values('bgp_groups', 'status');
