import { f } from "../common/fields";
import { defineResource } from "../common/resource";

export const configurationModules = defineResource({
  app: "services",
  name: "configuration-modules",
  model: "ConfigurationModule",
  description: "Configuration management modules (e.g. Puppet modules), nested as a tree; names unique per parent.",
  fields: {
    name: f.string({ required: true, max: 100, search: true }),
    parent: f.fk("services.configuration-modules", { nullable: true, onDelete: "protect" }),
    support_team: f.fk("services.teams", { nullable: true }),
    description: f.string({ max: 200, search: true }),
    configuration_classes_count: f.count("services.configuration-classes", "module"),
  },
  brief: ["name"],
  ordering: ["name"],
});
