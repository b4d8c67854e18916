import { bgpGroups } from "./bgp-groups";
import { joinTable } from "./join-table";
import { routingPolicies } from "./routing-policies";

export const bgpGroupExportPolicies = joinTable(
  "bgp_group_export_policies",
  () => bgpGroups.id,
  () => routingPolicies.id,
);
