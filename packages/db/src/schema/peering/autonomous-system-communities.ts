import { autonomousSystems } from "./autonomous-systems";
import { communities } from "./communities";
import { joinTable } from "./join-table";

export const asCommunities = joinTable(
  "autonomous_system_communities",
  () => autonomousSystems.id,
  () => communities.id,
);
