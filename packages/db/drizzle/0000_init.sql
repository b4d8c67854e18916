CREATE TABLE "tagged_items" (
	"tag_id" integer NOT NULL,
	"object_type" text NOT NULL,
	"object_id" integer NOT NULL,
	CONSTRAINT "tagged_items_object_type_object_id_tag_id_pk" PRIMARY KEY("object_type","object_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "tags" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"name" varchar(100) NOT NULL,
	"slug" varchar(100) NOT NULL,
	"color" varchar(6) DEFAULT '9e9e9e' NOT NULL,
	"description" varchar(200) DEFAULT '' NOT NULL,
	CONSTRAINT "tags_name_unique" UNIQUE("name"),
	CONSTRAINT "tags_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "asset_models" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"manufacturer_id" integer NOT NULL,
	"category" varchar(30) NOT NULL,
	"u_height" integer DEFAULT 1 NOT NULL,
	"part_number" varchar(100) DEFAULT '' NOT NULL,
	CONSTRAINT "asset_models_manufacturer_name_key" UNIQUE("manufacturer_id","name")
);
--> statement-breakpoint
CREATE TABLE "data_centers" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"slug" varchar(100) NOT NULL,
	"region_id" integer,
	"address" varchar(200) DEFAULT '' NOT NULL,
	CONSTRAINT "data_centers_name_unique" UNIQUE("name"),
	CONSTRAINT "data_centers_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "manufacturers" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"slug" varchar(100) NOT NULL,
	CONSTRAINT "manufacturers_name_unique" UNIQUE("name"),
	CONSTRAINT "manufacturers_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "racks" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"server_room_id" integer NOT NULL,
	"u_height" integer DEFAULT 48 NOT NULL,
	"status" varchar(30) DEFAULT 'active' NOT NULL,
	"asset_tag" varchar(50),
	"serial_number" varchar(100) DEFAULT '' NOT NULL,
	CONSTRAINT "racks_asset_tag_unique" UNIQUE("asset_tag"),
	CONSTRAINT "racks_room_name_key" UNIQUE("server_room_id","name")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"slug" varchar(100) NOT NULL,
	"parent_id" integer,
	"description" varchar(200) DEFAULT '' NOT NULL,
	CONSTRAINT "regions_name_unique" UNIQUE("name"),
	CONSTRAINT "regions_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "server_rooms" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"data_center_id" integer NOT NULL,
	CONSTRAINT "server_rooms_dc_name_key" UNIQUE("data_center_id","name")
);
--> statement-breakpoint
CREATE TABLE "servers" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"asset_model_id" integer,
	"manufacturer" varchar(100) DEFAULT '' NOT NULL,
	"model" varchar(100) DEFAULT '' NOT NULL,
	"serial_number" varchar(100) DEFAULT '' NOT NULL,
	"sku" varchar(100) DEFAULT '' NOT NULL,
	"bios_version" varchar(100) DEFAULT '' NOT NULL,
	"bmc_url" varchar(200) DEFAULT '' NOT NULL,
	"power_state" varchar(20) DEFAULT 'unknown' NOT NULL,
	"status" varchar(30) DEFAULT 'new' NOT NULL,
	"rack_id" integer,
	"position" integer,
	"asset_tag" varchar(50),
	"local_context_data" jsonb,
	CONSTRAINT "servers_asset_tag_unique" UNIQUE("asset_tag")
);
--> statement-breakpoint
CREATE TABLE "switches" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"asset_model_id" integer,
	"serial_number" varchar(100) DEFAULT '' NOT NULL,
	"rack_id" integer,
	"position" integer,
	"status" varchar(30) DEFAULT 'new' NOT NULL,
	"asset_tag" varchar(50),
	CONSTRAINT "switches_asset_tag_unique" UNIQUE("asset_tag")
);
--> statement-breakpoint
ALTER TABLE "tagged_items" ADD CONSTRAINT "tagged_items_tag_id_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."tags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_models" ADD CONSTRAINT "asset_models_manufacturer_id_manufacturers_id_fk" FOREIGN KEY ("manufacturer_id") REFERENCES "public"."manufacturers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_centers" ADD CONSTRAINT "data_centers_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "racks" ADD CONSTRAINT "racks_server_room_id_server_rooms_id_fk" FOREIGN KEY ("server_room_id") REFERENCES "public"."server_rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_id_regions_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "server_rooms" ADD CONSTRAINT "server_rooms_data_center_id_data_centers_id_fk" FOREIGN KEY ("data_center_id") REFERENCES "public"."data_centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "servers" ADD CONSTRAINT "servers_asset_model_id_asset_models_id_fk" FOREIGN KEY ("asset_model_id") REFERENCES "public"."asset_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "servers" ADD CONSTRAINT "servers_rack_id_racks_id_fk" FOREIGN KEY ("rack_id") REFERENCES "public"."racks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "switches" ADD CONSTRAINT "switches_asset_model_id_asset_models_id_fk" FOREIGN KEY ("asset_model_id") REFERENCES "public"."asset_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "switches" ADD CONSTRAINT "switches_rack_id_racks_id_fk" FOREIGN KEY ("rack_id") REFERENCES "public"."racks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tagged_items_tag_idx" ON "tagged_items" USING btree ("tag_id","object_type");--> statement-breakpoint
CREATE INDEX "tags_created_idx" ON "tags" USING btree ("created");--> statement-breakpoint
CREATE INDEX "tags_created_by_request_idx" ON "tags" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "tags_updated_by_request_idx" ON "tags" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "asset_models_created_idx" ON "asset_models" USING btree ("created");--> statement-breakpoint
CREATE INDEX "asset_models_created_by_request_idx" ON "asset_models" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "asset_models_updated_by_request_idx" ON "asset_models" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "asset_models_category_idx" ON "asset_models" USING btree ("category");--> statement-breakpoint
CREATE INDEX "data_centers_created_idx" ON "data_centers" USING btree ("created");--> statement-breakpoint
CREATE INDEX "data_centers_created_by_request_idx" ON "data_centers" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "data_centers_updated_by_request_idx" ON "data_centers" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "data_centers_region_idx" ON "data_centers" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "manufacturers_created_idx" ON "manufacturers" USING btree ("created");--> statement-breakpoint
CREATE INDEX "manufacturers_created_by_request_idx" ON "manufacturers" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "manufacturers_updated_by_request_idx" ON "manufacturers" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "racks_created_idx" ON "racks" USING btree ("created");--> statement-breakpoint
CREATE INDEX "racks_created_by_request_idx" ON "racks" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "racks_updated_by_request_idx" ON "racks" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "racks_name_idx" ON "racks" USING btree ("name");--> statement-breakpoint
CREATE INDEX "racks_status_idx" ON "racks" USING btree ("status");--> statement-breakpoint
CREATE INDEX "regions_created_idx" ON "regions" USING btree ("created");--> statement-breakpoint
CREATE INDEX "regions_created_by_request_idx" ON "regions" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "regions_updated_by_request_idx" ON "regions" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "server_rooms_created_idx" ON "server_rooms" USING btree ("created");--> statement-breakpoint
CREATE INDEX "server_rooms_created_by_request_idx" ON "server_rooms" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "server_rooms_updated_by_request_idx" ON "server_rooms" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "servers_created_idx" ON "servers" USING btree ("created");--> statement-breakpoint
CREATE INDEX "servers_created_by_request_idx" ON "servers" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "servers_updated_by_request_idx" ON "servers" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "servers_name_idx" ON "servers" USING btree ("name");--> statement-breakpoint
CREATE INDEX "servers_status_idx" ON "servers" USING btree ("status");--> statement-breakpoint
CREATE INDEX "servers_rack_idx" ON "servers" USING btree ("rack_id");--> statement-breakpoint
CREATE INDEX "servers_asset_model_idx" ON "servers" USING btree ("asset_model_id");--> statement-breakpoint
CREATE INDEX "servers_serial_number_idx" ON "servers" USING btree ("serial_number");--> statement-breakpoint
CREATE INDEX "switches_created_idx" ON "switches" USING btree ("created");--> statement-breakpoint
CREATE INDEX "switches_created_by_request_idx" ON "switches" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "switches_updated_by_request_idx" ON "switches" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "switches_name_idx" ON "switches" USING btree ("name");--> statement-breakpoint
CREATE INDEX "switches_rack_idx" ON "switches" USING btree ("rack_id");--> statement-breakpoint
CREATE INDEX "switches_asset_model_idx" ON "switches" USING btree ("asset_model_id");