import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

export const ixpConnections = defineBinding(resources.peering.ixpConnections, schema.ixpConnections);
