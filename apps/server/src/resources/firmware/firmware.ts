import type { BindingOptions } from "../../framework/binding";

export const firmwareBinding: BindingOptions = {
  joinTables: {
    asset_models: { table: "firmware_asset_models", ownerColumn: "firmware_id", targetColumn: "asset_model_id" },
  },
};
