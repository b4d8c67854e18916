import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

export const routingPolicies = defineBinding(resources.peering.routingPolicies, schema.routingPolicies);
