import { f } from "../common/fields";
import { defineResource } from "../common/resource";

export const warehouses = defineResource({
  app: "dcim",
  name: "warehouses",
  model: "Warehouse",
  description: "Stores holding back-office assets and spare hardware.",
  fields: {
    name: f.string({ required: true, max: 100, unique: true, search: true }),
    address: f.string({ max: 200, search: true }),
    description: f.string({ max: 200, search: true }),
  },
  brief: ["name"],
  ordering: ["name"],
});
