import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { bind } from "../framework/binding";
import { scopedImage, scopedRepr } from "../framework/scoped-images";
import { bindAssets } from "./assets";
import { assetLicences } from "./assets/licences";
import { bindCatalogue } from "./catalogue";
import { forwardingBinding } from "./core/event-forwardings";
import { jobActions } from "./core/jobs";
import { positionFitsRack } from "./dcim/rack-position";
import { regionParentIsNotDescendant } from "./dcim/regions";
import { busyServerKeepsPool, serverBareMetalActions } from "./dcim/server-baremetal";
import { authProfileBinding } from "./discovery/auth-profiles";
import { credentialBinding } from "./discovery/credentials";
import { nodeBinding } from "./discovery/nodes";
import { scanRangeBinding } from "./discovery/scan-ranges";
import { firmwareBinding } from "./firmware/firmware";
import { bindIpam } from "./ipam";
import { jobAccess, objectChangeAccess, pooledAccess, serverPartAccess, tokenAccess } from "./pools/access";
import { poolBinding } from "./pools/pools";
import { permissionBinding } from "./users/permissions";
import { tokenBinding } from "./users/tokens";
import { groupBinding, userBinding } from "./users/users";

/**
 * Every resource bound to its table. A plain resource is one line; rules that
 * the field declarations cannot say live in a small hook beside it.
 */
export function bindAll() {
  bind(resources.core.tags, schema.tags);
  bind(resources.core.jobs, schema.jobs, { actions: jobActions, access: jobAccess });
  bind(resources.core.objectChanges, schema.objectChanges, {
    access: objectChangeAccess,
    expressions: {
      prechange_data: scopedImage("prechange_data"),
      postchange_data: scopedImage("postchange_data"),
      object_repr: scopedRepr("object_repr", "prechange_data", "postchange_data"),
    },
  });
  bind(resources.core.eventForwardings, schema.eventForwardings, forwardingBinding);
  bind(resources.core.eventDeliveries, schema.eventDeliveries, { access: { follows: "object_change" } });
  bind(resources.users.users, schema.users, userBinding);
  bind(resources.users.groups, schema.groups, groupBinding);
  bind(resources.users.tokens, schema.tokens, { ...tokenBinding, access: tokenAccess });
  bind(resources.users.permissions, schema.objectPermissions, permissionBinding);
  // Bare-metal lifecycle: server inventory parts, discovery, firmware and OS images.
  // Servers and switches in pools follow their pool's group (./pools/access.ts), and so do their parts.
  const part = { access: serverPartAccess };
  bind(resources.dcim.serverProcessors, schema.serverProcessors, part);
  bind(resources.dcim.serverEthernetInterfaces, schema.serverEthernetInterfaces, part);
  bind(resources.dcim.serverStorages, schema.serverStorages, part);
  bind(resources.dcim.serverFirmwares, schema.serverFirmwares, part);
  bind(resources.discovery.authProfiles, schema.authProfiles, authProfileBinding);
  bind(resources.discovery.credentials, schema.credentials, credentialBinding);
  bind(resources.discovery.scanRanges, schema.scanRanges, scanRangeBinding);
  bind(resources.discovery.nodes, schema.nodes, { ...nodeBinding, access: serverPartAccess });
  bind(resources.firmware.firmware, schema.firmware, firmwareBinding);
  bind(resources.firmware.osImages, schema.osImages);
  bind(resources.pools.pools, schema.pools, poolBinding);
  bind(resources.dcim.regions, schema.regions, { validate: regionParentIsNotDescendant });
  bind(resources.dcim.dataCenters, schema.dataCenters);
  bind(resources.dcim.serverRooms, schema.serverRooms);
  bind(resources.dcim.racks, schema.racks);
  bind(resources.dcim.manufacturers, schema.manufacturers);
  bind(resources.dcim.assetModels, schema.assetModels);
  bind(resources.dcim.servers, schema.servers, {
    validate: async (check) => (await busyServerKeepsPool(check)) ?? positionFitsRack(check),
    access: pooledAccess,
    actions: serverBareMetalActions,
    ...assetLicences,
  });
  bind(resources.dcim.switches, schema.switches, { validate: positionFitsRack, access: pooledAccess });
  bindIpam();
  bindCatalogue();
  bindAssets();
}
