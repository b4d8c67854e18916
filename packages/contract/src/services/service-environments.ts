import { f } from "../common/fields";
import { defineResource } from "../common/resource";

export const serviceEnvironments = defineResource({
  app: "services",
  name: "service-environments",
  model: "ServiceEnvironment",
  description: "A service in one environment (unique pair); what assets point at.",
  fields: {
    service: f.fk("services.services", { required: true, by: ["name", "uid"] }),
    environment: f.fk("services.environments", { required: true }),
  },
  brief: ["service", "environment"],
  display: "{service} - {environment}",
  ordering: ["service__name", "environment__name"],
});
