-- Tags of a deleted object go with it, however it is deleted: the API removes them in its
-- transaction, but a parent's ON DELETE CASCADE (racks -> accessories, ixp_connections ->
-- ixp_sessions, ...), a TRUNCATE or any other SQL would leave orphans. With none possible,
-- a resource's count of one tag is its `tagged_items` rows (apps/server/src/framework/counts.ts)
-- instead of a join against the whole table. Statement-level with a transition table: a bulk
-- delete is one DELETE here, not one per row. The list of tables comes from the contract
-- (every resource with a `tags` field); apps/server/test/untag-triggers.test.ts checks it.
CREATE FUNCTION rackplane_untag() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM tagged_items WHERE object_type = TG_ARGV[0] AND object_id IN (SELECT id FROM old_rows);
  ELSE -- TRUNCATE
    DELETE FROM tagged_items WHERE object_type = TG_ARGV[0];
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Table `t` stores the objects of type `object_type`: its deletes untag them, and the orphans
-- left so far go (after the triggers, whose lock holds off deletes until this commits).
CREATE FUNCTION rackplane_untag_on(t regclass, object_type text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  name text := (SELECT relname FROM pg_class WHERE oid = t);
BEGIN
  EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', name || '_untag', t);
  EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', name || '_untag_trunc', t);
  EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rackplane_untag(%L)', name || '_untag', t, object_type);
  EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION rackplane_untag(%L)', name || '_untag_trunc', t, object_type);
  EXECUTE format('DELETE FROM tagged_items ti WHERE ti.object_type = %L AND NOT EXISTS (SELECT 1 FROM %s o WHERE o.id = ti.object_id)', object_type, t);
END $$;
--> statement-breakpoint
SELECT rackplane_untag_on('access_cards', 'dcim.access-cards');--> statement-breakpoint
SELECT rackplane_untag_on('access_zones', 'dcim.access-zones');--> statement-breakpoint
SELECT rackplane_untag_on('accessories', 'dcim.accessories');--> statement-breakpoint
SELECT rackplane_untag_on('asset_models', 'dcim.asset-models');--> statement-breakpoint
SELECT rackplane_untag_on('auth_profiles', 'discovery.auth-profiles');--> statement-breakpoint
SELECT rackplane_untag_on('autonomous_systems', 'peering.autonomous-systems');--> statement-breakpoint
SELECT rackplane_untag_on('back_office_assets', 'assets.back-office-assets');--> statement-breakpoint
SELECT rackplane_untag_on('bgp_groups', 'peering.bgp-groups');--> statement-breakpoint
SELECT rackplane_untag_on('cloud_hosts', 'virtual.cloud-hosts');--> statement-breakpoint
SELECT rackplane_untag_on('clusters', 'virtual.clusters');--> statement-breakpoint
SELECT rackplane_untag_on('communities', 'peering.communities');--> statement-breakpoint
SELECT rackplane_untag_on('configuration_classes', 'services.configuration-classes');--> statement-breakpoint
SELECT rackplane_untag_on('configuration_modules', 'services.configuration-modules');--> statement-breakpoint
SELECT rackplane_untag_on('data_centers', 'dcim.data-centers');--> statement-breakpoint
SELECT rackplane_untag_on('domain_contracts', 'assets.domain-contracts');--> statement-breakpoint
SELECT rackplane_untag_on('domains', 'assets.domains');--> statement-breakpoint
SELECT rackplane_untag_on('environments', 'services.environments');--> statement-breakpoint
SELECT rackplane_untag_on('firmware', 'firmware.firmware');--> statement-breakpoint
SELECT rackplane_untag_on('internet_exchanges', 'peering.internet-exchanges');--> statement-breakpoint
SELECT rackplane_untag_on('ip_addresses', 'ipam.ip-addresses');--> statement-breakpoint
SELECT rackplane_untag_on('ixp_connections', 'peering.ixp-connections');--> statement-breakpoint
SELECT rackplane_untag_on('ixp_sessions', 'peering.ixp-sessions');--> statement-breakpoint
SELECT rackplane_untag_on('licences', 'assets.licences');--> statement-breakpoint
SELECT rackplane_untag_on('manufacturers', 'dcim.manufacturers');--> statement-breakpoint
SELECT rackplane_untag_on('network_environments', 'ipam.network-environments');--> statement-breakpoint
SELECT rackplane_untag_on('networks', 'ipam.networks');--> statement-breakpoint
SELECT rackplane_untag_on('nodes', 'discovery.nodes');--> statement-breakpoint
SELECT rackplane_untag_on('os_images', 'firmware.os-images');--> statement-breakpoint
SELECT rackplane_untag_on('pools', 'pools.pools');--> statement-breakpoint
SELECT rackplane_untag_on('racks', 'dcim.racks');--> statement-breakpoint
SELECT rackplane_untag_on('regions', 'dcim.regions');--> statement-breakpoint
SELECT rackplane_untag_on('routing_policies', 'peering.routing-policies');--> statement-breakpoint
SELECT rackplane_untag_on('scan_ranges', 'discovery.scan-ranges');--> statement-breakpoint
SELECT rackplane_untag_on('server_rooms', 'dcim.server-rooms');--> statement-breakpoint
SELECT rackplane_untag_on('servers', 'dcim.servers');--> statement-breakpoint
SELECT rackplane_untag_on('service_environments', 'services.service-environments');--> statement-breakpoint
SELECT rackplane_untag_on('services', 'services.services');--> statement-breakpoint
SELECT rackplane_untag_on('sim_cards', 'assets.sim-cards');--> statement-breakpoint
SELECT rackplane_untag_on('software', 'assets.software');--> statement-breakpoint
SELECT rackplane_untag_on('ssl_certificates', 'assets.ssl-certificates');--> statement-breakpoint
SELECT rackplane_untag_on('supports', 'services.supports');--> statement-breakpoint
SELECT rackplane_untag_on('switches', 'dcim.switches');--> statement-breakpoint
SELECT rackplane_untag_on('teams', 'services.teams');--> statement-breakpoint
SELECT rackplane_untag_on('virtual_servers', 'virtual.virtual-servers');--> statement-breakpoint
SELECT rackplane_untag_on('warehouses', 'dcim.warehouses');
