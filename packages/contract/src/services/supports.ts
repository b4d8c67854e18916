import { f } from "../common/fields";
import { defineResource } from "../common/resource";

export const supports = defineResource({
  app: "services",
  name: "supports",
  model: "Support",
  description: "Support contracts covering assets (any type: `assets` are base-object ids).",
  fields: {
    name: f.string({ required: true, max: 255, search: true }),
    contract_id: f.string({ required: true, max: 50, search: true }),
    supplier: f.string({ max: 100, search: true }),
    date_from: f.date({ nullable: true }),
    date_to: f.date({ required: true }),
    price: f.number({ min: 0, nullable: true }),
    description: f.string({ max: 200, search: true }),
    assets: f.m2m("assets.base-objects", { by: ["name"] }),
  },
  brief: ["name", "contract_id"],
  ordering: ["name"],
});
