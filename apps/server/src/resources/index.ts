import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { bind } from "../framework/binding";
import { bindCatalogue } from "./catalogue";
import { jobActions } from "./core/jobs";
import { positionFitsRack } from "./dcim/rack-position";
import { regionParentIsNotDescendant } from "./dcim/regions";
import { bindIpam } from "./ipam";

/**
 * Every resource bound to its table. A plain resource is one line; rules that
 * the field declarations cannot say live in a small hook beside it.
 */
export function bindAll() {
  bind(resources.core.tags, schema.tags);
  bind(resources.core.jobs, schema.jobs, { actions: jobActions });
  bind(resources.dcim.regions, schema.regions, { validate: regionParentIsNotDescendant });
  bind(resources.dcim.dataCenters, schema.dataCenters);
  bind(resources.dcim.serverRooms, schema.serverRooms);
  bind(resources.dcim.racks, schema.racks);
  bind(resources.dcim.manufacturers, schema.manufacturers);
  bind(resources.dcim.assetModels, schema.assetModels);
  bind(resources.dcim.servers, schema.servers, { validate: positionFitsRack });
  bind(resources.dcim.switches, schema.switches, { validate: positionFitsRack });
  bindIpam();
  bindCatalogue();
}
