import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";
import { joinTable } from "../rules/join-table";

export const firmware = defineBinding(resources.firmware.firmware, schema.firmware, {
  joinTables: { asset_models: joinTable(schema.firmwareAssetModels, "firmware_id", "asset_model_id") },
});
