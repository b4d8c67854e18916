import { communities } from "./communities";
import { ixpSessions } from "./ixp-sessions";
import { joinTable } from "./join-table";

export const ixpSessionCommunities = joinTable(
  "ixp_session_communities",
  () => ixpSessions.id,
  () => communities.id,
);
