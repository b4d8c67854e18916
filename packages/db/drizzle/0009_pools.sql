CREATE TABLE "pools" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"description" varchar(200) DEFAULT '' NOT NULL,
	"parent_id" integer,
	CONSTRAINT "pools_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "resource_pool_id" integer;--> statement-breakpoint
ALTER TABLE "switches" ADD COLUMN "resource_pool_id" integer;--> statement-breakpoint
ALTER TABLE "pools" ADD CONSTRAINT "pools_parent_id_pools_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pools_created_idx" ON "pools" USING btree ("created");--> statement-breakpoint
CREATE INDEX "pools_created_by_request_idx" ON "pools" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "pools_updated_by_request_idx" ON "pools" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "pools_parent_idx" ON "pools" USING btree ("parent_id");--> statement-breakpoint
ALTER TABLE "servers" ADD CONSTRAINT "servers_resource_pool_id_pools_id_fk" FOREIGN KEY ("resource_pool_id") REFERENCES "public"."pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "switches" ADD CONSTRAINT "switches_resource_pool_id_pools_id_fk" FOREIGN KEY ("resource_pool_id") REFERENCES "public"."pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "servers_resource_pool_idx" ON "servers" USING btree ("resource_pool_id");--> statement-breakpoint
CREATE INDEX "switches_resource_pool_idx" ON "switches" USING btree ("resource_pool_id");