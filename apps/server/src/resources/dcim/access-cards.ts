import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

export const accessCards = defineBinding(resources.dcim.accessCards, schema.accessCards);
