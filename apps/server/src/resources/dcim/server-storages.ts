import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";
import { serverPartAccess } from "../rules/access";

/** An inventory part of a server: seen and written by who sees the server. */
export const serverStorages = defineBinding(resources.dcim.serverStorages, schema.serverStorages, {
  access: serverPartAccess,
});
