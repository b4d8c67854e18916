import { f } from "../common/fields";
import { defineResource } from "../common/resource";

export const configurationClasses = defineResource({
  app: "services",
  name: "configuration-classes",
  model: "ConfigurationClass",
  description: "Configuration classes (e.g. Puppet roles) inside a module; names unique per module.",
  fields: {
    name: f.string({ required: true, max: 100, search: true }),
    module: f.fk("services.configuration-modules", { required: true }),
    description: f.string({ max: 200, search: true }),
  },
  brief: ["name"],
  display: "{module}/{name}",
  ordering: ["name"],
});
