import { index, integer, pgTable, primaryKey } from "drizzle-orm/pg-core";
import { assetModels } from "../dcim/asset-models";
import { firmware } from "./firmware";

/** Which asset models a firmware image applies to. */
export const firmwareAssetModels = pgTable(
  "firmware_asset_models",
  {
    firmware_id: integer("firmware_id")
      .notNull()
      .references(() => firmware.id, { onDelete: "cascade" }),
    asset_model_id: integer("asset_model_id")
      .notNull()
      .references(() => assetModels.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.firmware_id, t.asset_model_id] }),
    index("firmware_asset_models_model_idx").on(t.asset_model_id),
  ],
);
