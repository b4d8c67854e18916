import { resources } from "@rackplane/contract";
import { make } from "./harness";
import { describeResource } from "./resource-suite";

const { ipam } = resources;
const ENV = "/api/ipam/network-environments/";

describeResource({
  resource: ipam.networkEnvironments,
  create: (_, i) => ({ name: `Env ${i}`, description: `environment ${i}` }),
  update: () => ({ name: "Env updated" }),
  patch: { description: "patched" },
  invalid: [{ body: () => ({ name: "" }), field: "name" }],
});

describeResource({
  resource: ipam.networks,
  fixtures: async (s) => ({ env: await make(s, ENV, { name: "prod" }) }),
  create: (fx, i) => ({
    name: `net-${i}`,
    address: `10.${i}.0.0/16`,
    network_environment: fx.env.id,
    vlan: 100 + i,
    gateway: `10.${i}.0.1`,
    status: i === 1 ? "Reserved" : "active",
  }),
  update: (fx) => ({ name: "renamed", address: "10.200.0.0/16", network_environment: fx.env.id }),
  patch: { vlan: 42, description: "patched" },
  invalid: [
    { body: () => ({ address: "10.0.0.5/16" }), field: "address" },
    { body: () => ({ address: "300.0.0.0/8" }), field: "address" },
    { body: () => ({ address: "10.9.0.0/16", gateway: "10.10.0.1" }), field: "gateway" },
    { body: () => ({ address: "10.9.0.0/16", vlan: 5000 }), field: "vlan" },
  ],
  referencedBy: undefined,
});

describeResource({
  resource: ipam.ipAddresses,
  fixtures: async (s) => ({ env: await make(s, ENV, { name: "prod" }) }),
  create: (fx, i) => ({
    address: `192.168.1.${i + 1}`,
    hostname: `host-${i}.example.com`,
    dns_name: `h${i}.example.com`,
    network_environment: fx.env.id,
    status: i === 2 ? "DHCP" : "active",
  }),
  update: (fx) => ({ address: "192.168.1.200", hostname: "replaced", network_environment: fx.env.id }),
  patch: { hostname: "patched.example.com" },
  invalid: [
    { body: () => ({ address: "192.168.1.300" }), field: "address" },
    { body: () => ({ address: "10.1" }), field: "address" },
    { body: () => ({ address: "10.0.0.0/24" }), field: "address" },
  ],
});
