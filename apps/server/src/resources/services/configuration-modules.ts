import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";
import { parentIsNotDescendant } from "../rules/tree";

export const configurationModules = defineBinding(
  resources.services.configurationModules,
  schema.configurationModules,
  { validate: [parentIsNotDescendant(schema.configurationModules)] },
);
