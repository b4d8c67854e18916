CREATE INDEX "domain_contracts_ordering_idx" ON "domain_contracts" USING btree ("expiration_date","id");--> statement-breakpoint
CREATE INDEX "access_zones_ordering_idx" ON "access_zones" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "accessories_ordering_idx" ON "accessories" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "server_rooms_ordering_idx" ON "server_rooms" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "os_images_ordering_idx" ON "os_images" USING btree ("name","version","id");--> statement-breakpoint
CREATE INDEX "ip_addresses_ordering_idx" ON "ip_addresses" USING btree ("address","id");--> statement-breakpoint
CREATE INDEX "communities_ordering_idx" ON "communities" USING btree ("value","name","id");--> statement-breakpoint
CREATE INDEX "ixp_sessions_ordering_idx" ON "ixp_sessions" USING btree ("ip_address","id");--> statement-breakpoint
CREATE INDEX "routing_policies_ordering_idx" ON "routing_policies" USING btree ("weight","name","id");--> statement-breakpoint
CREATE INDEX "configuration_classes_ordering_idx" ON "configuration_classes" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "configuration_modules_ordering_idx" ON "configuration_modules" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "supports_ordering_idx" ON "supports" USING btree ("name","id");--> statement-breakpoint
-- Trigram indexes for the searchable network fields, on the text form `?search=` matches them by
-- (`host(address)` for an IP, `::text` for a network): without them one field of the search made
-- the whole OR a scan (apps/server/src/framework/text-indexes.ts lists them from the contract).
CREATE INDEX IF NOT EXISTS "ip_addresses_address_trgm" ON "ip_addresses" USING gin ((host("address")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "ixp_connections_ipv4_address_trgm" ON "ixp_connections" USING gin ((host("ipv4_address")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "ixp_connections_ipv6_address_trgm" ON "ixp_connections" USING gin ((host("ipv6_address")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "ixp_sessions_ip_address_trgm" ON "ixp_sessions" USING gin ((host("ip_address")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "networks_address_trgm" ON "networks" USING gin ((("address")::text) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "nodes_address_trgm" ON "nodes" USING gin ((host("address")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "scan_ranges_ip_from_trgm" ON "scan_ranges" USING gin ((host("ip_from")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "scan_ranges_ip_to_trgm" ON "scan_ranges" USING gin ((host("ip_to")) gin_trgm_ops);
