import { f } from "../common/fields";
import { defineResource } from "../common/resource";

export const ixpConnections = defineResource({
  app: "peering",
  name: "ixp-connections",
  model: "IXPConnection",
  description: "A router's port on an internet exchange: its IPv4/IPv6 addresses on the peering LAN, VLAN and MAC.",
  fields: {
    name: f.string({ max: 100, search: true, description: "Optional label (Peering Manager's connection name)." }),
    internet_exchange: f.fk("peering.internet-exchanges", { required: true, by: ["name", "slug"] }),
    router: f.fk("dcim.servers", { nullable: true }),
    ipv4_address: f.ip({ family: 4, nullable: true, search: true }),
    ipv6_address: f.ip({ family: 6, nullable: true, search: true }),
    vlan: f.int({ min: 1, max: 4094, nullable: true }),
    interface: f.string({
      max: 100,
      search: true,
      description: "The router's interface on the exchange (`et-0/0/1`).",
    }),
    mac_address: f.mac({ nullable: true }),
    description: f.string({ max: 200, search: true }),
    sessions_count: f.count("peering.ixp-sessions", "ixp_connection"),
  },
  // Peering Manager's nested connection: name, addresses, interface and MAC.
  brief: ["name", "internet_exchange", "ipv4_address", "ipv6_address", "interface", "mac_address"],
  display: "{internet_exchange} {ipv4_address} {ipv6_address}",
  ordering: ["internet_exchange__name", "ipv4_address"],
});
