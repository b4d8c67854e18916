import type { resources } from "@rackplane/contract";
import type { BindingTree } from "../framework";
import { backOfficeAssets } from "./assets/back-office-assets";
import { baseObjectLicences } from "./assets/base-object-licences";
import { baseObjects } from "./assets/base-objects";
import { domainContracts } from "./assets/domain-contracts";
import { domains } from "./assets/domains";
import { licences } from "./assets/licences";
import { simCards } from "./assets/sim-cards";
import { software } from "./assets/software";
import { sslCertificates } from "./assets/ssl-certificates";
import { eventDeliveries } from "./core/event-deliveries";
import { eventForwardings } from "./core/event-forwardings";
import { jobs } from "./core/jobs";
import { objectChanges } from "./core/object-changes";
import { tags } from "./core/tags";
import { accessCards } from "./dcim/access-cards";
import { accessZones } from "./dcim/access-zones";
import { accessories } from "./dcim/accessories";
import { assetModels } from "./dcim/asset-models";
import { dataCenters } from "./dcim/data-centers";
import { manufacturers } from "./dcim/manufacturers";
import { racks } from "./dcim/racks";
import { regions } from "./dcim/regions";
import { serverEthernetInterfaces } from "./dcim/server-ethernet-interfaces";
import { serverFirmwares } from "./dcim/server-firmwares";
import { serverProcessors } from "./dcim/server-processors";
import { serverRooms } from "./dcim/server-rooms";
import { serverStorages } from "./dcim/server-storages";
import { servers } from "./dcim/servers";
import { switches } from "./dcim/switches";
import { warehouses } from "./dcim/warehouses";
import { authProfiles } from "./discovery/auth-profiles";
import { credentials } from "./discovery/credentials";
import { nodes } from "./discovery/nodes";
import { scanRanges } from "./discovery/scan-ranges";
import { firmware } from "./firmware/firmware";
import { osImages } from "./firmware/os-images";
import { ipAddresses } from "./ipam/ip-addresses";
import { networkEnvironments } from "./ipam/network-environments";
import { networks } from "./ipam/networks";
import { autonomousSystems } from "./peering/autonomous-systems";
import { bgpGroups } from "./peering/bgp-groups";
import { communities } from "./peering/communities";
import { internetExchanges } from "./peering/internet-exchanges";
import { ixpConnections } from "./peering/ixp-connections";
import { ixpSessions } from "./peering/ixp-sessions";
import { routingPolicies } from "./peering/routing-policies";
import { pools } from "./pools/pools";
import { configurationClasses } from "./services/configuration-classes";
import { configurationModules } from "./services/configuration-modules";
import { environments } from "./services/environments";
import { serviceEnvironments } from "./services/service-environments";
import { services } from "./services/services";
import { supports } from "./services/supports";
import { teams } from "./services/teams";
import { groups } from "./users/groups";
import { permissions } from "./users/permissions";
import { tokens } from "./users/tokens";
import { users } from "./users/users";
import { cloudHosts } from "./virtual/cloud-hosts";
import { clusters } from "./virtual/clusters";
import { virtualServers } from "./virtual/virtual-servers";

/**
 * Every resource of the contract bound to its table, in the contract's own tree
 * (`resources` of @rackplane/contract): one module per resource, named after it. A
 * missing, misnamed or mistyped binding, or a resource action without its handler,
 * fails `tsc`; the app builds its registry from this tree at start-up.
 */
export const bindings = {
  core: { tags, objectChanges, jobs, eventForwardings, eventDeliveries },
  dcim: {
    regions,
    dataCenters,
    serverRooms,
    racks,
    manufacturers,
    assetModels,
    servers,
    switches,
    serverProcessors,
    serverEthernetInterfaces,
    serverStorages,
    serverFirmwares,
    warehouses,
    accessories,
    accessZones,
    accessCards,
  },
  ipam: { networkEnvironments, networks, ipAddresses },
  discovery: { authProfiles, credentials, scanRanges, nodes },
  firmware: { firmware, osImages },
  pools: { pools },
  services: {
    services,
    environments,
    serviceEnvironments,
    configurationModules,
    configurationClasses,
    teams,
    supports,
  },
  virtual: { clusters, virtualServers, cloudHosts },
  peering: {
    autonomousSystems,
    internetExchanges,
    ixpConnections,
    ixpSessions,
    routingPolicies,
    communities,
    bgpGroups,
  },
  assets: {
    baseObjects,
    backOfficeAssets,
    software,
    licences,
    baseObjectLicences,
    simCards,
    sslCertificates,
    domains,
    domainContracts,
  },
  users: { users, groups, tokens, permissions },
} satisfies BindingTree<typeof resources>;
