CREATE TABLE "login_failures" (
	"subject" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "login_failures_subject_window_start_pk" PRIMARY KEY("subject","window_start")
);
--> statement-breakpoint
ALTER TABLE "sim_cards" ALTER COLUMN "pin1" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "sim_cards" ALTER COLUMN "puk1" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "ixp_sessions" ALTER COLUMN "password" SET DATA TYPE text;