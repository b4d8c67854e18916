import { ixpSessions } from "./ixp-sessions";
import { joinTable } from "./join-table";
import { routingPolicies } from "./routing-policies";

export const ixpSessionImportPolicies = joinTable(
  "ixp_session_import_policies",
  () => ixpSessions.id,
  () => routingPolicies.id,
);
