import { ipAddresses } from "./ip-addresses";
import { networkEnvironments } from "./network-environments";
import { networks } from "./networks";

export { IpAddressStatus } from "./ip-addresses";
export { AllocateIp, AvailableIp, NetworkStatus } from "./networks";
export const ipam = { networkEnvironments, networks, ipAddresses } as const;
