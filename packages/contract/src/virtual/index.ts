import { cloudHosts } from "./cloud-hosts";
import { clusters } from "./clusters";
import { virtualServers } from "./virtual-servers";

export { ClusterType } from "./clusters";
export { VirtualServerStatus } from "./virtual-servers";
export const virtual = { clusters, virtualServers, cloudHosts } as const;
