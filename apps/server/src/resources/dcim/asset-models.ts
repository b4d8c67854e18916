import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

export const assetModels = defineBinding(resources.dcim.assetModels, schema.assetModels);
