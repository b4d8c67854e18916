import { f } from "../common/fields";
import { defineResource } from "../common/resource";

export const dataCenters = defineResource({
  app: "dcim",
  name: "data-centers",
  model: "DataCenter",
  description: "Data centers (sites), each in a region.",
  fields: {
    name: f.string({ required: true, max: 100, unique: true, search: true }),
    slug: f.slug({ required: true, unique: true, search: true }),
    region: f.fk("dcim.regions", { nullable: true, by: ["name", "slug"] }),
    address: f.string({ max: 200, search: true }),
    server_rooms_count: f.count("dcim.server-rooms", "data_center"),
  },
  brief: ["name", "slug"],
  ordering: ["name"],
});
