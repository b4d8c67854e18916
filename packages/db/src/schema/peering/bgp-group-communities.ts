import { bgpGroups } from "./bgp-groups";
import { communities } from "./communities";
import { joinTable } from "./join-table";

export const bgpGroupCommunities = joinTable(
  "bgp_group_communities",
  () => bgpGroups.id,
  () => communities.id,
);
