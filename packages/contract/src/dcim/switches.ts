import { choices, f } from "../common/fields";
import { defineResource } from "../common/resource";

export const SwitchStatus = choices("SwitchStatus", {
  new: "New",
  in_use: "In use",
  free: "Free",
  damaged: "Damaged",
  liquidated: "Liquidated",
});

export const switches = defineResource({
  app: "dcim",
  name: "switches",
  model: "Switch",
  description: "Network switches mounted in racks.",
  fields: {
    name: f.string({ required: true, max: 100, search: true }),
    asset_model: f.fk("dcim.asset-models", { nullable: true }),
    serial_number: f.string({ max: 100, search: true }),
    // Mounted devices keep a rack from being deleted (their position would dangle).
    rack: f.fk("dcim.racks", { nullable: true, onDelete: "protect" }),
    resource_pool: f.fk("pools.pools", { nullable: true, onDelete: "protect" }),
    position: f.int({ min: 1, max: 100, nullable: true }),
    status: f.choice(SwitchStatus, { default: "new" }),
    asset_tag: f.string({ max: 50, nullable: true, unique: true, search: true }),
  },
  brief: ["name"],
  ordering: ["name"],
});
