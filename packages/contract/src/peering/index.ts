import { autonomousSystems } from "./autonomous-systems";
import { internetExchanges } from "./internet-exchanges";
import { ixpConnections } from "./ixp-connections";
import { ixpSessions } from "./ixp-sessions";
import { bgpGroups, communities, routingPolicies } from "./policies";

export { InternetExchangeStatus } from "./internet-exchanges";
export { BgpState, IxpSessionStatus } from "./ixp-sessions";
export { BgpGroupStatus, CommunityType, RoutingPolicyType } from "./policies";
export const peering = {
  autonomousSystems,
  internetExchanges,
  ixpConnections,
  ixpSessions,
  routingPolicies,
  communities,
  bgpGroups,
} as const;
