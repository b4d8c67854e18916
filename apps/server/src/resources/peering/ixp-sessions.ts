import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";
import { policiesAndCommunities } from "../rules/routing-policies";
import { sealed } from "../rules/sealed";

export const ixpSessions = defineBinding(resources.peering.ixpSessions, schema.ixpSessions, {
  derive: [sealed("password")], // the TCP-MD5 key
  joinTables: policiesAndCommunities(
    schema.ixpSessionImportPolicies,
    schema.ixpSessionExportPolicies,
    schema.ixpSessionCommunities,
  ),
});
