import { choices, f } from "../common/fields";
import { defineResource } from "../common/resource";

export const IpAddressStatus = choices("IpAddressStatus", {
  active: "Active",
  reserved: "Reserved",
  deprecated: "Deprecated",
  dhcp: "DHCP",
});

export const ipAddresses = defineResource({
  app: "ipam",
  name: "ip-addresses",
  model: "IPAddress",
  description:
    "IP addresses (PostgreSQL `inet`). `network` is derived: the smallest network of the same " +
    "environment containing the address, or null. An address is unique within its environment (409).",
  fields: {
    address: f.ip({ required: true, search: true }),
    network_environment: f.fk("ipam.network-environments", { nullable: true }),
    network: f.fk("ipam.networks", { nullable: true, readOnly: true, by: ["name"] }),
    hostname: f.string({ max: 255, search: true }),
    dns_name: f.string({ max: 255, search: true }),
    status: f.choice(IpAddressStatus, { default: "active" }),
    description: f.string({ max: 200, search: true }),
    assigned_interface: f.fk("dcim.server-ethernet-interfaces", {
      nullable: true,
      by: ["mac"],
      onDelete: "set_null",
      description: "The server ethernet interface (BMC inventory) the address is configured on.",
    }),
  },
  brief: ["address", "hostname"],
  display: "{address}",
  ordering: ["address"],
  filterAliases: { parent: "address__net_contained_or_equal", family: "address__family" },
});
