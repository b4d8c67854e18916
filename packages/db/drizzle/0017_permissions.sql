CREATE TABLE "object_permission_groups" (
	"permission_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	CONSTRAINT "object_permission_groups_permission_id_group_id_pk" PRIMARY KEY("permission_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "object_permission_users" (
	"permission_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	CONSTRAINT "object_permission_users_permission_id_user_id_pk" PRIMARY KEY("permission_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "object_permissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"name" varchar(100) NOT NULL,
	"description" varchar(200) DEFAULT '' NOT NULL,
	"object_types" varchar(1000) NOT NULL,
	"actions" varchar(500) NOT NULL,
	"constraints" varchar(1000) DEFAULT '' NOT NULL,
	CONSTRAINT "object_permissions_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "object_permission_groups" ADD CONSTRAINT "object_permission_groups_permission_id_object_permissions_id_fk" FOREIGN KEY ("permission_id") REFERENCES "public"."object_permissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "object_permission_groups" ADD CONSTRAINT "object_permission_groups_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "object_permission_users" ADD CONSTRAINT "object_permission_users_permission_id_object_permissions_id_fk" FOREIGN KEY ("permission_id") REFERENCES "public"."object_permissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "object_permission_users" ADD CONSTRAINT "object_permission_users_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "object_permission_groups_group_idx" ON "object_permission_groups" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "object_permission_users_user_idx" ON "object_permission_users" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "object_permissions_created_idx" ON "object_permissions" USING btree ("created");--> statement-breakpoint
CREATE INDEX "object_permissions_created_by_request_idx" ON "object_permissions" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "object_permissions_updated_by_request_idx" ON "object_permissions" USING btree ("updated_by_request");--> statement-breakpoint
SELECT rackplane_track_count('object_permissions');
