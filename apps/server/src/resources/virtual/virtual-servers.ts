import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

export const virtualServers = defineBinding(resources.virtual.virtualServers, schema.virtualServers);
