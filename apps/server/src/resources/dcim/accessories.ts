import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";
import { positionFitsRack } from "../rules/rack-position";

export const accessories = defineBinding(resources.dcim.accessories, schema.accessories, {
  validate: [positionFitsRack],
});
