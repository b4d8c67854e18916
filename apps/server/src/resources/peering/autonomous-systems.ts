import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";
import { policiesAndCommunities } from "../rules/routing-policies";

export const autonomousSystems = defineBinding(resources.peering.autonomousSystems, schema.autonomousSystems, {
  joinTables: policiesAndCommunities(schema.asImportPolicies, schema.asExportPolicies, schema.asCommunities),
});
