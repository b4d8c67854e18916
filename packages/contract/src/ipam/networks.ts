import { z } from "zod";
import { choices, f } from "../common/fields";
import { queryInt } from "../common/lookups";
import { defineResource } from "../common/resource";
import { ErrorDetail } from "../common/schemas";
import { ipAddresses } from "./ip-addresses";

export const AvailableIp = z.object({ address: z.string(), family: z.union([z.literal(4), z.literal(6)]) });
/** What an allocated address is created with; the address and environment come from the network. */
export const AllocateIp = ipAddresses.schemas.Patch.omit({ address: true, network_environment: true });

export const NetworkStatus = choices("NetworkStatus", {
  active: "Active",
  reserved: "Reserved",
  deprecated: "Deprecated",
});

export const networks = defineResource({
  app: "ipam",
  name: "networks",
  model: "Network",
  description:
    "IP networks (PostgreSQL `cidr`). `?parent=10.0.0.0/16` lists the networks inside one; " +
    "`available-ips/` lists and allocates free addresses.",
  fields: {
    name: f.string({ max: 100, search: true }),
    address: f.cidr({ required: true, search: true }),
    network_environment: f.fk("ipam.network-environments", { nullable: true }),
    vlan: f.int({ min: 1, max: 4094, nullable: true }),
    gateway: f.ip({ nullable: true }),
    status: f.choice(NetworkStatus, { default: "active" }),
    description: f.string({ max: 200, search: true }),
    ip_addresses_count: f.count("ipam.ip-addresses", "network"),
  },
  brief: ["name", "address"],
  display: "{address}",
  ordering: ["address"],
  filterAliases: { parent: "address__net_contained", family: "address__family" },
  actions: {
    availableIps: {
      path: "available-ips",
      detail: true,
      method: "GET",
      query: z
        .object({ limit: queryInt.pipe(z.number().min(1, "Must be 1 or more.").max(1000, "At most 1000.")).optional() })
        .strict(),
      responses: { 200: z.array(AvailableIp) },
      summary: "List the next free addresses of the network (default 50)",
      description:
        "Usable host addresses (not the network or broadcast address, not the gateway) with no IP address " +
        "record in the network's environment, in order.",
    },
    allocateIp: {
      path: "available-ips",
      detail: true,
      method: "POST",
      body: AllocateIp,
      responses: { 201: ipAddresses.schemas.Read, 409: ErrorDetail },
      summary: "Allocate the next free address of the network",
      description:
        "Creates an IP address record at the first free address, atomically: concurrent allocations never " +
        "return the same address. 409 when the network is full.",
    },
  },
});
