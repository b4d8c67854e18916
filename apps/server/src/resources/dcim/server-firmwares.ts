import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";
import { serverPartAccess } from "../rules/access";

/** An inventory part of a server: seen and written by who sees the server. */
export const serverFirmwares = defineBinding(resources.dcim.serverFirmwares, schema.serverFirmwares, {
  access: serverPartAccess,
});
