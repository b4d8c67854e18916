import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";
import { parentIsNotDescendant } from "../rules/tree";

export const accessZones = defineBinding(resources.dcim.accessZones, schema.accessZones, {
  validate: [parentIsNotDescendant(schema.accessZones)],
});
