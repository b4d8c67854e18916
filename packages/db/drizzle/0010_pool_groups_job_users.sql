ALTER TABLE "jobs" ADD COLUMN "user_id" integer;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "node_id" integer;--> statement-breakpoint
ALTER TABLE "pools" ADD COLUMN "group_id" integer;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "servers" ADD CONSTRAINT "servers_node_id_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."nodes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pools" ADD CONSTRAINT "pools_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "servers_node_idx" ON "servers" USING btree ("node_id");--> statement-breakpoint
CREATE INDEX "pools_group_idx" ON "pools" USING btree ("group_id");--> statement-breakpoint
-- Servers registered before servers.node existed: their BMC is the node that points at them.
UPDATE "servers" s SET "node_id" = (SELECT min(n."id") FROM "nodes" n WHERE n."server_id" = s."id") WHERE s."node_id" IS NULL;
