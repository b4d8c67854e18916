import { f } from "../common/fields";
import { defineResource } from "../common/resource";

export const cloudHosts = defineResource({
  app: "virtual",
  name: "cloud-hosts",
  model: "CloudHost",
  description: "Instances in a cloud (OpenStack and the like), identified by the provider's host id.",
  fields: {
    hostname: f.string({ required: true, max: 255, search: true }),
    cloud_provider: f.string({ required: true, max: 100, search: true }),
    host_id: f.string({ required: true, max: 100, unique: true, search: true }),
    image_name: f.string({ max: 255, search: true }),
    hypervisor: f.fk("dcim.servers", { nullable: true }),
    service_environment: f.fk("services.service-environments", { nullable: true, by: [] }),
    cpu: f.int({ min: 0, max: 4096, nullable: true }),
    memory_mb: f.int({ min: 0, nullable: true }),
    disk_gb: f.int({ min: 0, nullable: true }),
  },
  brief: ["hostname", "host_id"],
  ordering: ["hostname"],
});
