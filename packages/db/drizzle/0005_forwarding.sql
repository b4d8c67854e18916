CREATE TABLE "event_deliveries" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"forwarding_id" integer NOT NULL,
	"object_change_id" integer NOT NULL,
	"status" varchar(10) DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp(6) with time zone DEFAULT now(),
	"locked_until" timestamp(6) with time zone,
	"last_status_code" integer,
	"last_error" text DEFAULT '' NOT NULL,
	"delivered_at" timestamp(6) with time zone,
	"attempt_log" jsonb DEFAULT '{"attempts": []}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_forwardings" (
	"id" serial PRIMARY KEY NOT NULL,
	"created" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"updated" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"created_by_request" uuid,
	"updated_by_request" uuid,
	"comments" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"payload_url" varchar(500) NOT NULL,
	"basic_username" varchar(150) DEFAULT '' NOT NULL,
	"basic_password" text,
	"max_retries" integer DEFAULT 5 NOT NULL,
	"timeout" double precision DEFAULT 10 NOT NULL,
	"object_types" varchar(1000) DEFAULT '' NOT NULL,
	"actions" varchar(30) DEFAULT '' NOT NULL,
	CONSTRAINT "event_forwardings_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "event_deliveries" ADD CONSTRAINT "event_deliveries_forwarding_id_event_forwardings_id_fk" FOREIGN KEY ("forwarding_id") REFERENCES "public"."event_forwardings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_deliveries" ADD CONSTRAINT "event_deliveries_object_change_id_object_changes_id_fk" FOREIGN KEY ("object_change_id") REFERENCES "public"."object_changes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_deliveries_created_idx" ON "event_deliveries" USING btree ("created");--> statement-breakpoint
CREATE INDEX "event_deliveries_created_by_request_idx" ON "event_deliveries" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "event_deliveries_updated_by_request_idx" ON "event_deliveries" USING btree ("updated_by_request");--> statement-breakpoint
CREATE INDEX "event_deliveries_due_idx" ON "event_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "event_deliveries_forwarding_idx" ON "event_deliveries" USING btree ("forwarding_id");--> statement-breakpoint
CREATE INDEX "event_deliveries_change_idx" ON "event_deliveries" USING btree ("object_change_id");--> statement-breakpoint
CREATE INDEX "event_forwardings_created_idx" ON "event_forwardings" USING btree ("created");--> statement-breakpoint
CREATE INDEX "event_forwardings_created_by_request_idx" ON "event_forwardings" USING btree ("created_by_request");--> statement-breakpoint
CREATE INDEX "event_forwardings_updated_by_request_idx" ON "event_forwardings" USING btree ("updated_by_request");