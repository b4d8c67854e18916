CREATE TABLE "groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"name" varchar(150) NOT NULL,
	CONSTRAINT "groups_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "user_groups" (
	"user_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	CONSTRAINT "user_groups_user_id_group_id_pk" PRIMARY KEY("user_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"username" varchar(150) NOT NULL,
	"email" varchar(254) DEFAULT '' NOT NULL,
	"first_name" varchar(150) DEFAULT '' NOT NULL,
	"last_name" varchar(150) DEFAULT '' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"is_superuser" boolean DEFAULT false NOT NULL,
	"password" varchar(100),
	"last_login" timestamp (6) with time zone,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"user_id" integer NOT NULL,
	"prefix" varchar(8) NOT NULL,
	"key_hash" varchar(64) NOT NULL,
	"description" varchar(200) DEFAULT '' NOT NULL,
	"expires" timestamp(6) with time zone,
	"write_enabled" boolean DEFAULT true NOT NULL,
	"scopes" varchar(500) DEFAULT '' NOT NULL,
	"last_used" timestamp (6) with time zone,
	CONSTRAINT "tokens_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "object_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"time" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"user_name" varchar(150) DEFAULT '' NOT NULL,
	"request_id" varchar(36),
	"action" varchar(10) NOT NULL,
	"object_type" varchar(100) NOT NULL,
	"object_id" integer NOT NULL,
	"object_repr" text DEFAULT '' NOT NULL,
	"prechange_data" jsonb,
	"postchange_data" jsonb
);
--> statement-breakpoint
CREATE TABLE "rate_limit_counters" (
	"subject" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limit_counters_subject_window_start_pk" PRIMARY KEY("subject","window_start")
);
--> statement-breakpoint
CREATE TABLE "server_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_groups" ADD CONSTRAINT "user_groups_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_groups" ADD CONSTRAINT "user_groups_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tokens" ADD CONSTRAINT "tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "object_changes" ADD CONSTRAINT "object_changes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "groups_created_idx" ON "groups" USING btree ("created");--> statement-breakpoint
CREATE INDEX "groups_created_by_request_idx" ON "groups" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "groups_updated_by_request_idx" ON "groups" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "user_groups_group_idx" ON "user_groups" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "users_created_idx" ON "users" USING btree ("created");--> statement-breakpoint
CREATE INDEX "users_created_by_request_idx" ON "users" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "users_updated_by_request_idx" ON "users" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "tokens_created_idx" ON "tokens" USING btree ("created");--> statement-breakpoint
CREATE INDEX "tokens_created_by_request_idx" ON "tokens" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "tokens_updated_by_request_idx" ON "tokens" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "tokens_prefix_idx" ON "tokens" USING btree ("prefix");--> statement-breakpoint
CREATE INDEX "tokens_user_idx" ON "tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "object_changes_time_idx" ON "object_changes" USING btree ("time");--> statement-breakpoint
CREATE INDEX "object_changes_request_idx" ON "object_changes" USING btree ("request_id","object_type");--> statement-breakpoint
CREATE INDEX "object_changes_object_idx" ON "object_changes" USING btree ("object_type","object_id");--> statement-breakpoint
CREATE INDEX "object_changes_user_idx" ON "object_changes" USING btree ("user_id");