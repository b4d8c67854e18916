import { f } from "../common/fields";
import { defineResource } from "../common/resource";

export const software = defineResource({
  app: "assets",
  name: "software",
  model: "Software",
  description: "Software products that licences are bought for.",
  fields: {
    name: f.string({ required: true, max: 255, unique: true, search: true }),
    manufacturer: f.fk("dcim.manufacturers", { nullable: true, by: ["name", "slug"] }),
    licences_count: f.count("assets.licences", "software"),
  },
  brief: ["name"],
  ordering: ["name"],
});
