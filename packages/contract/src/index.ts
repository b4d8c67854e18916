import { initContract } from "@ts-rest/core";
import { assets } from "./assets";
import { auth } from "./auth";
import { documentPattern } from "./common/documented";
import { objectTypesPattern } from "./common/object-types";
import type { AnyResource } from "./common/resource";
import { eventDeliveries, eventForwardings } from "./core/event-forwardings";
import { jobs } from "./core/jobs";
import { objectChanges } from "./core/object-changes";
import { tags } from "./core/tags";
import { assetModels } from "./dcim/asset-models";
import { dcimCatalogue } from "./dcim/catalogue";
import { dataCenters } from "./dcim/data-centers";
import { manufacturers } from "./dcim/manufacturers";
import { racks } from "./dcim/racks";
import { regions } from "./dcim/regions";
import { serverInventory } from "./dcim/server-inventory";
import { serverRooms } from "./dcim/server-rooms";
import { servers } from "./dcim/servers";
import { switches } from "./dcim/switches";
import { discovery } from "./discovery";
import { firmwareApp } from "./firmware";
import { ipam } from "./ipam";
import { peering } from "./peering";
import { poolsApp } from "./pools";
import { services } from "./services";
import { appIndexRoute, system } from "./system";
import { groups } from "./users/groups";
import { permissions } from "./users/permissions";
import { tokens } from "./users/tokens";
import { users } from "./users/users";
import { virtual } from "./virtual";

export { BackOfficeAssetStatus, BaseObjectType, CertificateType, DomainStatus, SimCardStatus } from "./assets";
export * from "./auth";
export * from "./common/fields";
export * from "./common/headers";
export * from "./common/lookup-attributes";
export * from "./common/lookups";
export * from "./common/net";
export { PAGINATION, PAGINATION_PARAMS, type PaginationParam, paginationQuery } from "./common/pagination";
export { MIN_PASSWORD_LENGTH } from "./common/password-policy";
export * from "./common/resource";
export * from "./common/schemas";
export * from "./common/workflow";
export * from "./common/write-aliases";
export { DeliveryStatus } from "./core/event-forwardings";
export { JobStatus } from "./core/jobs";
export { ChangeAction } from "./core/object-changes";
export { AssetModelCategory } from "./dcim/asset-models";
export { AccessoryOrientation } from "./dcim/catalogue";
export { RackStatus } from "./dcim/racks";
export { PowerState, ServerStatus } from "./dcim/servers";
export { SwitchStatus } from "./dcim/switches";
export { BmcProtocol, NodeStatus, ScanPorts, ScanRangeStatus } from "./discovery";
export { Arch, FirmwareType } from "./firmware";
export { AllocateIp, AvailableIp, IpAddressStatus, NetworkStatus } from "./ipam";
export {
  BgpGroupStatus,
  BgpState,
  CommunityType,
  InternetExchangeStatus,
  IxpSessionStatus,
  RoutingPolicyType,
} from "./peering";
export { ClusterType, VirtualServerStatus } from "./virtual";
export { system };

const c = initContract();

/**
 * The resource tree, by app. The SDK's client tree, the server's routes and the
 * OpenAPI document are all derived from this one object.
 */
export const resources = {
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
    ...serverInventory,
    ...dcimCatalogue,
  },
  ipam,
  discovery,
  firmware: firmwareApp,
  pools: poolsApp,
  services,
  virtual,
  peering,
  assets,
  users: { users, groups, tokens, permissions },
} as const;

type Routes<T> = { [A in keyof T]: { [R in keyof T[A]]: T[A][R] extends { routes: infer X } ? X : never } };

function routesOf<T extends Record<string, Record<string, { routes: unknown }>>>(tree: T): Routes<T> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [app, rs] of Object.entries(tree)) {
    out[app] = {};
    for (const [name, r] of Object.entries(rs)) out[app][name] = r.routes;
  }
  return out as Routes<T>;
}

/** Every route, by app and resource (named, so declaration files refer to it instead of expanding it). */
const appIndex = appIndexRoute(Object.keys(resources) as [keyof typeof resources, ...(keyof typeof resources)[]]);
export type Contract = Routes<typeof resources> & {
  system: typeof system.routes & { appIndex: typeof appIndex };
  auth: typeof auth.routes;
};
export const contract: Contract = c.router({
  ...routesOf(resources),
  system: { ...system.routes, appIndex },
  auth: auth.routes,
} as Contract);

/** Every resource, flat, keyed `app.name` (what the server binds and OPTIONS describes). */
export const resourceList: AnyResource[] = Object.values(resources).flatMap(
  (app) => Object.values(app) as unknown as AnyResource[],
);
export const resourceByKey = new Map(resourceList.map((r) => [r.key, r]));

// A permission's `object_types` must name resources of this registry (the server checks each
// item against it): the document states exactly those keys, not only their shape.
documentPattern(permissions.fields.object_types.write, objectTypesPattern([...resourceByKey.keys()]));
