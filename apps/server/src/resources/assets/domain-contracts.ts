import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

export const domainContracts = defineBinding(resources.assets.domainContracts, schema.domainContracts);
