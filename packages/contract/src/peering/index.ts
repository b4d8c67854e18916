import { autonomousSystems } from "./autonomous-systems";
import { internetExchanges } from "./internet-exchanges";
import { ixpConnections } from "./ixp-connections";
import { ixpSessions } from "./ixp-sessions";

export { InternetExchangeStatus } from "./internet-exchanges";
export { IxpSessionStatus } from "./ixp-sessions";
export const peering = { autonomousSystems, internetExchanges, ixpConnections, ixpSessions } as const;
