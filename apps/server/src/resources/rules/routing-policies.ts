import type { PgTable } from "drizzle-orm/pg-core";
import { joinTable } from "./join-table";

type PolicyLinks = PgTable & { _: { columns: { owner_id: unknown; target_id: unknown } } };

/**
 * Routing policies (import, export) and communities of a session, an autonomous system
 * or a BGP group: one join table each, `owner_id` → `target_id`.
 */
export const policiesAndCommunities = (imports: PolicyLinks, exports: PolicyLinks, communities: PolicyLinks) => ({
  import_routing_policies: joinTable(imports, "owner_id", "target_id"),
  export_routing_policies: joinTable(exports, "owner_id", "target_id"),
  communities: joinTable(communities, "owner_id", "target_id"),
});
