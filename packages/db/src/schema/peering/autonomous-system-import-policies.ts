import { autonomousSystems } from "./autonomous-systems";
import { joinTable } from "./join-table";
import { routingPolicies } from "./routing-policies";

export const asImportPolicies = joinTable(
  "autonomous_system_import_policies",
  () => autonomousSystems.id,
  () => routingPolicies.id,
);
