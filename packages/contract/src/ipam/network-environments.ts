import { f } from "../common/fields";
import { defineResource } from "../common/resource";

export const networkEnvironments = defineResource({
  app: "ipam",
  name: "network-environments",
  model: "NetworkEnvironment",
  description: "Address spaces (like VRFs): networks and addresses are unique within one environment.",
  fields: {
    name: f.string({ required: true, max: 100, unique: true, search: true }),
    data_center: f.fk("dcim.data-centers", { nullable: true, by: ["name", "slug"] }),
    description: f.string({ max: 200, search: true }),
    networks_count: f.count("ipam.networks", "network_environment"),
  },
  brief: ["name"],
  ordering: ["name"],
});
