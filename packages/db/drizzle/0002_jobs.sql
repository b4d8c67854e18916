CREATE TABLE "jobs" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"kind" varchar(50) NOT NULL,
	"status" varchar(20) DEFAULT 'pending' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"result" jsonb,
	"error" text DEFAULT '' NOT NULL,
	"user_name" varchar(150) DEFAULT '' NOT NULL,
	"object_type" varchar(50) DEFAULT '' NOT NULL,
	"object_id" integer,
	"attempts" integer DEFAULT 0 NOT NULL,
	"started" timestamp (6) with time zone,
	"finished" timestamp (6) with time zone,
	"queue_job_id" uuid
);
--> statement-breakpoint
CREATE INDEX "jobs_created_idx" ON "jobs" USING btree ("created");--> statement-breakpoint
CREATE INDEX "jobs_created_by_request_idx" ON "jobs" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "jobs_updated_by_request_idx" ON "jobs" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "jobs_status_idx" ON "jobs" USING btree ("status");--> statement-breakpoint
CREATE INDEX "jobs_kind_idx" ON "jobs" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "jobs_object_idx" ON "jobs" USING btree ("object_type","object_id");