import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";
import { serverPartAccess } from "../rules/access";

/** An inventory part of a server: seen and written by who sees the server. */
export const serverEthernetInterfaces = defineBinding(
  resources.dcim.serverEthernetInterfaces,
  schema.serverEthernetInterfaces,
  { access: serverPartAccess },
);
