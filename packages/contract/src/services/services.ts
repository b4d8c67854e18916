import { f } from "../common/fields";
import { defineResource } from "../common/resource";

export const services = defineResource({
  app: "services",
  name: "services",
  model: "Service",
  description: "Business services; assets are assigned to a service in an environment.",
  fields: {
    name: f.string({ required: true, max: 100, unique: true, search: true }),
    uid: f.string({ max: 40, nullable: true, unique: true, search: true }),
    active: f.bool({ default: true }),
    business_owners: f.string({ max: 200, search: true, description: "Who owns the service on the business side." }),
    technical_owners: f.string({ max: 200, search: true, description: "Who runs the service." }),
    support_team: f.fk("services.teams", { nullable: true }),
    service_environments_count: f.count("services.service-environments", "service"),
  },
  brief: ["name", "uid"],
  ordering: ["name"],
});
