import { choices, f } from "../common/fields";
import { defineResource } from "../common/resource";

export const AssetModelCategory = choices("AssetModelCategory", {
  server: "Server",
  switch: "Switch",
  pdu: "PDU",
  storage: "Storage",
  other: "Other",
});

export const assetModels = defineResource({
  app: "dcim",
  name: "asset-models",
  model: "AssetModel",
  description: "Hardware models of a manufacturer (what a server or switch is).",
  fields: {
    name: f.string({ required: true, max: 100, search: true }),
    manufacturer: f.fk("dcim.manufacturers", { required: true, by: ["name", "slug"] }),
    category: f.choice(AssetModelCategory, { required: true }),
    u_height: f.int({ min: 0, max: 100, default: 1 }),
    part_number: f.string({ max: 100, search: true }),
  },
  brief: ["name"],
  ordering: ["manufacturer__name", "name"],
});
