import { resources } from "@rackplane/contract";
import { catalogueFixtures } from "./catalogue-fixtures";
import { make } from "./harness";
import { describeResource } from "./resource-suite";

const { virtual } = resources;

describeResource({
  resource: virtual.clusters,
  fixtures: catalogueFixtures,
  create: (fx, i) => ({
    name: `cluster-${i}`,
    cluster_type: i ? "Proxmox VE" : "vmware",
    service_environment: fx.se.id,
  }),
  update: () => ({ name: "cluster-updated" }),
  patch: { description: "patched" },
  invalid: [{ body: () => ({ name: "x", cluster_type: "xen" }), field: "cluster_type" }],
});

describeResource({
  resource: virtual.virtualServers,
  fixtures: async (s) => {
    const fx = await catalogueFixtures(s);
    return { ...fx, cluster: await make(s, "/api/virtual/clusters/", { name: "c1" }) };
  },
  create: (fx, i) => ({
    hostname: `vm-${i}.example.com`,
    hypervisor: fx.server.id,
    cluster: fx.cluster.id,
    service_environment: fx.se.id,
    status: i === 2 ? "In use" : "new",
    sn: `uuid-${i}`,
    cpu: 2 + i,
    memory_mb: 4096,
  }),
  update: (fx) => ({ hostname: "vm-replaced", hypervisor: { name: fx.server.name } }),
  patch: { cpu: 16, os: "Debian 12" },
  invalid: [
    { body: () => ({ hostname: "x", cpu: -1 }), field: "cpu" },
    { body: () => ({ hostname: "x", hypervisor: 999999 }), field: "hypervisor" },
  ],
});

describeResource({
  resource: virtual.cloudHosts,
  fixtures: catalogueFixtures,
  create: (fx, i) => ({
    hostname: `cloud-${i}`,
    cloud_provider: "openstack",
    host_id: `4f1a-${i}`,
    image_name: "ubuntu-24.04",
    hypervisor: fx.server.id,
    service_environment: fx.se.id,
  }),
  update: () => ({ hostname: "cloud-replaced", cloud_provider: "aws", host_id: "i-0abc" }),
  patch: { memory_mb: 8192 },
  invalid: [{ body: () => ({ hostname: "x", cloud_provider: "aws" }), field: "host_id" }],
});
