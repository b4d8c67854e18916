import { ixpSessions } from "./ixp-sessions";
import { joinTable } from "./join-table";
import { routingPolicies } from "./routing-policies";

export const ixpSessionExportPolicies = joinTable(
  "ixp_session_export_policies",
  () => ixpSessions.id,
  () => routingPolicies.id,
);
