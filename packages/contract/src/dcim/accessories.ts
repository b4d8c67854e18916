import { choices, f } from "../common/fields";
import { defineResource } from "../common/resource";

export const AccessoryOrientation = choices("AccessoryOrientation", {
  front: "Front",
  back: "Back",
  left: "Left",
  right: "Right",
});

export const accessories = defineResource({
  app: "dcim",
  name: "accessories",
  model: "RackAccessory",
  description: "Rack accessories (patch panels, brush panels, blanking plates) mounted in a rack.",
  fields: {
    name: f.string({ required: true, max: 100, search: true }),
    rack: f.fk("dcim.racks", { required: true, onDelete: "cascade" }),
    position: f.int({ min: 1, max: 100, nullable: true }),
    orientation: f.choice(AccessoryOrientation, { default: "front" }),
    serial_number: f.string({ max: 100, search: true }),
  },
  brief: ["name"],
  ordering: ["name"],
});
