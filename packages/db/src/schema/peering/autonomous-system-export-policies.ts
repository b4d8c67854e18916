import { autonomousSystems } from "./autonomous-systems";
import { joinTable } from "./join-table";
import { routingPolicies } from "./routing-policies";

export const asExportPolicies = joinTable(
  "autonomous_system_export_policies",
  () => autonomousSystems.id,
  () => routingPolicies.id,
);
