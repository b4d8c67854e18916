import { f } from "../common/fields";
import { defineResource } from "../common/resource";

export const teams = defineResource({
  app: "services",
  name: "teams",
  model: "Team",
  description: "Support teams responsible for services and configuration modules.",
  fields: {
    name: f.string({ required: true, max: 100, unique: true, search: true }),
    description: f.string({ max: 200, search: true }),
  },
  brief: ["name"],
  ordering: ["name"],
});
