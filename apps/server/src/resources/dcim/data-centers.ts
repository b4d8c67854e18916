import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

export const dataCenters = defineBinding(resources.dcim.dataCenters, schema.dataCenters);
