import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

export const serverRooms = defineBinding(resources.dcim.serverRooms, schema.serverRooms);
