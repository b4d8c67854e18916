import { f } from "../common/fields";
import { defineResource } from "../common/resource";

export const serverRooms = defineResource({
  app: "dcim",
  name: "server-rooms",
  model: "ServerRoom",
  description: "Rooms inside a data center; names are unique per data center.",
  fields: {
    name: f.string({ required: true, max: 100, search: true }),
    data_center: f.fk("dcim.data-centers", { required: true, by: ["name", "slug"] }),
    racks_count: f.count("dcim.racks", "server_room"),
  },
  brief: ["name"],
  ordering: ["name"],
});
