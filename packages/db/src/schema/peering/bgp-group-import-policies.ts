import { bgpGroups } from "./bgp-groups";
import { joinTable } from "./join-table";
import { routingPolicies } from "./routing-policies";

export const bgpGroupImportPolicies = joinTable(
  "bgp_group_import_policies",
  () => bgpGroups.id,
  () => routingPolicies.id,
);
