import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";
import { policiesAndCommunities } from "../rules/routing-policies";

export const bgpGroups = defineBinding(resources.peering.bgpGroups, schema.bgpGroups, {
  joinTables: policiesAndCommunities(
    schema.bgpGroupImportPolicies,
    schema.bgpGroupExportPolicies,
    schema.bgpGroupCommunities,
  ),
});
