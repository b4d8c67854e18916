import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

export const racks = defineBinding(resources.dcim.racks, schema.racks);
