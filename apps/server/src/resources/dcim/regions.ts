import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";
import { parentIsNotDescendant } from "../rules/tree";

/** A region cannot be its own ancestor: the tree stays a tree. */
export const regions = defineBinding(resources.dcim.regions, schema.regions, {
  validate: [parentIsNotDescendant(schema.regions, "A region")],
});
