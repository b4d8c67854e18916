import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

export const cloudHosts = defineBinding(resources.virtual.cloudHosts, schema.cloudHosts);
