import { choices, f } from "../common/fields";
import { defineResource } from "../common/resource";

export const VirtualServerStatus = choices("VirtualServerStatus", {
  new: "New",
  in_use: "In use",
  free: "Free",
  liquidated: "Liquidated",
});

export const virtualServers = defineResource({
  app: "virtual",
  name: "virtual-servers",
  model: "VirtualServer",
  description: "Virtual machines running on a hypervisor (a data-center server), optionally in a cluster.",
  fields: {
    hostname: f.string({ required: true, max: 255, search: true }),
    hypervisor: f.fk("dcim.servers", { nullable: true }),
    cluster: f.fk("virtual.clusters", { nullable: true }),
    service_environment: f.fk("services.service-environments", { nullable: true, by: [] }),
    status: f.choice(VirtualServerStatus, { default: "new" }),
    sn: f.string({ max: 100, search: true, description: "Serial number (the hypervisor's VM UUID)." }),
    cpu: f.int({ min: 0, max: 4096, nullable: true }),
    memory_mb: f.int({ min: 0, nullable: true }),
    disk_gb: f.int({ min: 0, nullable: true }),
    os: f.string({ max: 100, search: true }),
  },
  brief: ["hostname"],
  ordering: ["hostname"],
});
