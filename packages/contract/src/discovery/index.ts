import { authProfiles } from "./auth-profiles";
import { credentials } from "./credentials";
import { nodes } from "./nodes";
import { scanRanges } from "./scan-ranges";

export { BmcProtocol } from "./auth-profiles";
export { NodeStatus } from "./nodes";
export { ScanPorts, ScanRangeStatus } from "./scan-ranges";

/** Finding BMCs on the network and turning them into servers. */
export const discovery = { authProfiles, credentials, scanRanges, nodes } as const;
