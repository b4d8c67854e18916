import { f } from "../common/fields";
import { defineResource } from "../common/resource";

export const environments = defineResource({
  app: "services",
  name: "environments",
  model: "Environment",
  description: "Deployment environments (prod, test, dev) a service runs in.",
  fields: {
    name: f.string({ required: true, max: 100, unique: true, search: true }),
    description: f.string({ max: 200, search: true }),
  },
  brief: ["name"],
  ordering: ["name"],
});
