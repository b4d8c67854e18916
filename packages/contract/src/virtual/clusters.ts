import { choices, f } from "../common/fields";
import { defineResource } from "../common/resource";

export const ClusterType = choices("ClusterType", {
  vmware: "VMware vSphere",
  proxmox: "Proxmox VE",
  openstack: "OpenStack",
  kubernetes: "Kubernetes",
  other: "Other",
});

export const clusters = defineResource({
  app: "virtual",
  name: "clusters",
  model: "Cluster",
  description: "Virtualisation clusters grouping hypervisors and their virtual servers.",
  fields: {
    name: f.string({ required: true, max: 100, unique: true, search: true }),
    cluster_type: f.choice(ClusterType, { default: "other" }),
    service_environment: f.fk("services.service-environments", { nullable: true, by: [] }),
    description: f.string({ max: 200, search: true }),
    virtual_servers_count: f.count("virtual.virtual-servers", "cluster"),
  },
  brief: ["name"],
  ordering: ["name"],
});
