import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

export const warehouses = defineBinding(resources.dcim.warehouses, schema.warehouses);
