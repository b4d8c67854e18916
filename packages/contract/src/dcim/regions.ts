import { f } from "../common/fields";
import { defineResource } from "../common/resource";

export const regions = defineResource({
  app: "dcim",
  name: "regions",
  model: "Region",
  description: "Geographic regions, nested as a tree (`parent`).",
  fields: {
    name: f.string({ required: true, max: 100, unique: true, search: true }),
    slug: f.slug({ required: true, unique: true, search: true }),
    parent: f.fk("dcim.regions", { nullable: true, by: ["name", "slug"], onDelete: "protect" }),
    description: f.string({ max: 200, search: true }),
    data_centers_count: f.count("dcim.data-centers", "region"),
  },
  brief: ["name", "slug"],
  ordering: ["name"],
});
