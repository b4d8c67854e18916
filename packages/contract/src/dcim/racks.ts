import { choices, f } from "../common/fields";
import { defineResource } from "../common/resource";

export const RackStatus = choices("RackStatus", {
  active: "Active",
  planned: "Planned",
  reserved: "Reserved",
  deprecated: "Deprecated",
});

export const racks = defineResource({
  app: "dcim",
  name: "racks",
  model: "Rack",
  description: "Racks in a server room; servers and switches are mounted at a position.",
  fields: {
    name: f.string({ required: true, max: 100, search: true }),
    server_room: f.fk("dcim.server-rooms", { required: true }),
    u_height: f.int({ min: 1, max: 100, default: 48 }),
    status: f.choice(RackStatus, { default: "active" }),
    asset_tag: f.string({ max: 50, nullable: true, unique: true, search: true }),
    serial_number: f.string({ max: 100, search: true }),
    servers_count: f.count("dcim.servers", "rack"),
  },
  brief: ["name"],
  ordering: ["name"],
});
