import { f } from "../common/fields";
import { defineResource } from "../common/resource";

export const manufacturers = defineResource({
  app: "dcim",
  name: "manufacturers",
  model: "Manufacturer",
  description: "Hardware vendors.",
  fields: {
    name: f.string({ required: true, max: 100, unique: true, search: true }),
    slug: f.slug({ required: true, unique: true, search: true }),
    asset_models_count: f.count("dcim.asset-models", "manufacturer"),
  },
  brief: ["name", "slug"],
  ordering: ["name"],
});
