import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

export const backOfficeAssets = defineBinding(resources.assets.backOfficeAssets, schema.backOfficeAssets);
