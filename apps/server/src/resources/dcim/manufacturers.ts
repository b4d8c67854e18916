import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

export const manufacturers = defineBinding(resources.dcim.manufacturers, schema.manufacturers);
