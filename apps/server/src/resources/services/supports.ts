import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";
import { datesInOrder } from "../rules/dates";
import { joinTable } from "../rules/join-table";

export const supports = defineBinding(resources.services.supports, schema.supports, {
  validate: [datesInOrder],
  joinTables: { assets: joinTable(schema.supportAssets, "support_id", "base_object_id") },
});
