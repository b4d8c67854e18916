-- pg_trgm GIN indexes for the text columns added since 0014 (peering policies, communities, BGP
-- groups, connection names, permissions, user scopes), as apps/server/src/framework/text-indexes.ts
-- lists them from the contract (test/text-indexes.test.ts holds the database to that list).
CREATE INDEX IF NOT EXISTS "bgp_groups_description_trgm" ON "bgp_groups" USING gin ("description" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "bgp_groups_name_trgm" ON "bgp_groups" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "bgp_groups_slug_trgm" ON "bgp_groups" USING gin ("slug" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "communities_description_trgm" ON "communities" USING gin ("description" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "communities_name_trgm" ON "communities" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "communities_slug_trgm" ON "communities" USING gin ("slug" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "communities_value_trgm" ON "communities" USING gin ("value" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "ixp_connections_interface_trgm" ON "ixp_connections" USING gin ("interface" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "ixp_connections_name_trgm" ON "ixp_connections" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "ixp_sessions_service_reference_trgm" ON "ixp_sessions" USING gin ("service_reference" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "object_permissions_actions_trgm" ON "object_permissions" USING gin ("actions" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "object_permissions_description_trgm" ON "object_permissions" USING gin ("description" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "object_permissions_name_trgm" ON "object_permissions" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "object_permissions_object_types_trgm" ON "object_permissions" USING gin ("object_types" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "routing_policies_description_trgm" ON "routing_policies" USING gin ("description" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "routing_policies_name_trgm" ON "routing_policies" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "routing_policies_slug_trgm" ON "routing_policies" USING gin ("slug" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "users_scopes_trgm" ON "users" USING gin ("scopes" gin_trgm_ops);
