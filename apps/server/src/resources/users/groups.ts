import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";
import { joinTable } from "../rules/join-table";

export const groups = defineBinding(resources.users.groups, schema.groups, {
  joinTables: { members: joinTable(schema.userGroups, "group_id", "user_id") },
});
