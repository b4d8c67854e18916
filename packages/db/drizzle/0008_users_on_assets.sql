CREATE TABLE "access_cards" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"number" varchar(255) NOT NULL,
	"system_number" varchar(255) DEFAULT '' NOT NULL,
	"access_zone_id" integer,
	"user_id" integer,
	"owner_id" integer,
	"issue_date" date,
	"status" varchar(30) DEFAULT 'new' NOT NULL,
	CONSTRAINT "access_cards_number_unique" UNIQUE("number")
);
--> statement-breakpoint
ALTER TABLE "back_office_assets" ADD COLUMN "user_id" integer;--> statement-breakpoint
ALTER TABLE "back_office_assets" ADD COLUMN "owner_id" integer;--> statement-breakpoint
ALTER TABLE "sim_cards" ADD COLUMN "user_id" integer;--> statement-breakpoint
ALTER TABLE "access_cards" ADD CONSTRAINT "access_cards_access_zone_id_access_zones_id_fk" FOREIGN KEY ("access_zone_id") REFERENCES "public"."access_zones"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_cards" ADD CONSTRAINT "access_cards_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_cards" ADD CONSTRAINT "access_cards_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_cards_created_idx" ON "access_cards" USING btree ("created");--> statement-breakpoint
CREATE INDEX "access_cards_created_by_request_idx" ON "access_cards" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "access_cards_updated_by_request_idx" ON "access_cards" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "access_cards_user_idx" ON "access_cards" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "back_office_assets" ADD CONSTRAINT "back_office_assets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "back_office_assets" ADD CONSTRAINT "back_office_assets_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sim_cards" ADD CONSTRAINT "sim_cards_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "back_office_assets" DROP COLUMN "user_name";--> statement-breakpoint
ALTER TABLE "back_office_assets" DROP COLUMN "owner_name";--> statement-breakpoint
ALTER TABLE "sim_cards" DROP COLUMN "user_name";