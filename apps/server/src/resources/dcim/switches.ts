import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";
import { pooledAccess } from "../rules/access";
import { positionFitsRack } from "../rules/rack-position";

export const switches = defineBinding(resources.dcim.switches, schema.switches, {
  validate: [positionFitsRack],
  access: pooledAccess,
});
