import { f } from "../common/fields";
import { defineResource } from "../common/resource";

export const accessZones = defineResource({
  app: "dcim",
  name: "access-zones",
  model: "AccessZone",
  description: "Physical access zones (buildings, floors, rooms), nested as a tree; access cards open them.",
  fields: {
    name: f.string({ required: true, max: 100, search: true }),
    parent: f.fk("dcim.access-zones", { nullable: true, onDelete: "protect" }),
    description: f.string({ max: 200, search: true }),
  },
  brief: ["name"],
  ordering: ["name"],
});
