import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { bind } from "../framework/binding";
import { sealed } from "./common/sealed";
import { parentIsNotDescendant } from "./common/tree";
import { positionFitsRack } from "./dcim/rack-position";

/** DCIM extras, services, virtual and peering: declarative bindings (issue 8). */
export function bindCatalogue() {
  const { dcim, services, virtual, peering } = resources;
  bind(dcim.warehouses, schema.warehouses);
  bind(dcim.accessories, schema.accessories, { validate: positionFitsRack });
  bind(dcim.accessZones, schema.accessZones, { validate: parentIsNotDescendant("access_zones") });
  bind(dcim.accessCards, schema.accessCards);

  bind(services.teams, schema.teams);
  bind(services.environments, schema.environments);
  bind(services.services, schema.services);
  bind(services.serviceEnvironments, schema.serviceEnvironments);
  bind(services.configurationModules, schema.configurationModules, {
    validate: parentIsNotDescendant("configuration_modules"),
  });
  bind(services.configurationClasses, schema.configurationClasses);

  bind(virtual.clusters, schema.clusters);
  bind(virtual.virtualServers, schema.virtualServers);
  bind(virtual.cloudHosts, schema.cloudHosts);

  // Policies and communities of sessions, autonomous systems and BGP groups: one join table each.
  const policies = (owner: string) => ({
    import_routing_policies: { table: `${owner}_import_policies`, ownerColumn: "owner_id", targetColumn: "target_id" },
    export_routing_policies: { table: `${owner}_export_policies`, ownerColumn: "owner_id", targetColumn: "target_id" },
    communities: { table: `${owner}_communities`, ownerColumn: "owner_id", targetColumn: "target_id" },
  });
  bind(peering.routingPolicies, schema.routingPolicies);
  bind(peering.communities, schema.communities);
  bind(peering.bgpGroups, schema.bgpGroups, { joinTables: policies("bgp_group") });
  bind(peering.autonomousSystems, schema.autonomousSystems, { joinTables: policies("autonomous_system") });
  bind(peering.internetExchanges, schema.internetExchanges);
  bind(peering.ixpConnections, schema.ixpConnections);
  bind(peering.ixpSessions, schema.ixpSessions, { derive: sealed("password"), joinTables: policies("ixp_session") }); // password: the TCP-MD5 key
}
