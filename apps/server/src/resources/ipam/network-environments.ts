import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

export const networkEnvironments = defineBinding(resources.ipam.networkEnvironments, schema.networkEnvironments);
