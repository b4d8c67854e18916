ALTER TABLE "object_changes" ADD COLUMN "transition" jsonb;--> statement-breakpoint
ALTER TABLE "ip_addresses" ADD COLUMN "assigned_interface_id" integer;--> statement-breakpoint
ALTER TABLE "ixp_connections" ADD COLUMN "name" varchar(100) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "ixp_connections" ADD COLUMN "interface" varchar(100) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "scopes" varchar(500) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "ip_addresses" ADD CONSTRAINT "ip_addresses_assigned_interface_id_server_ethernet_interfaces_id_fk" FOREIGN KEY ("assigned_interface_id") REFERENCES "public"."server_ethernet_interfaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ip_addresses_assigned_interface_idx" ON "ip_addresses" USING btree ("assigned_interface_id");