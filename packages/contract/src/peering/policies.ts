import { choices, f } from "../common/fields";
import { defineResource } from "../common/resource";

export const RoutingPolicyType = choices("RoutingPolicyType", {
  "import-policy": "Import",
  "export-policy": "Export",
  "import-export-policy": "Import and export",
});

/** Peering Manager's routing policies: named route maps referenced by sessions and autonomous systems. */
export const routingPolicies = defineResource({
  app: "peering",
  name: "routing-policies",
  model: "RoutingPolicy",
  description: "Routing policies (route maps) applied on import or export by BGP sessions and autonomous systems.",
  fields: {
    name: f.string({ required: true, max: 100, unique: true, search: true }),
    slug: f.slug({ required: true, unique: true, search: true }),
    type: f.choice(RoutingPolicyType, { default: "import-policy" }),
    weight: f.int({ min: 0, max: 32767, default: 0, description: "Order among the policies of a session." }),
    address_family: f.int({ min: 0, max: 6, default: 0, description: "0 = both, 4 or 6." }),
    description: f.string({ max: 200, search: true }),
    local_context_data: f.json({ nullable: true }),
  },
  brief: ["name", "slug", "type"],
  ordering: ["weight", "name"],
});

export const CommunityType = choices("CommunityType", { ingress: "Ingress", egress: "Egress" });

/** BGP communities (`64500:1`, large `64500:1:2`) tagged on sessions and autonomous systems. */
export const communities = defineResource({
  app: "peering",
  name: "communities",
  model: "Community",
  description: "BGP communities (standard `64500:1` or large `64500:1:2`) attached to sessions and autonomous systems.",
  fields: {
    name: f.string({ required: true, max: 100, unique: true, search: true }),
    slug: f.slug({ required: true, unique: true, search: true }),
    value: f.string({ required: true, max: 50, pattern: /^\d+:\d+(:\d+)?$/, search: true }),
    type: f.choice(CommunityType, { nullable: true, default: null }),
    description: f.string({ max: 200, search: true }),
    local_context_data: f.json({ nullable: true }),
  },
  brief: ["name", "slug", "value"],
  ordering: ["value", "name"],
});

export const BgpGroupStatus = choices("BgpGroupStatus", {
  enabled: "Enabled",
  disabled: "Disabled",
  maintenance: "Maintenance",
});

/** Groups of BGP sessions sharing a configuration (Peering Manager's BGP groups). */
export const bgpGroups = defineResource({
  app: "peering",
  name: "bgp-groups",
  model: "BGPGroup",
  description: "Groups of BGP sessions with shared policies and communities.",
  fields: {
    name: f.string({ required: true, max: 100, unique: true, search: true }),
    slug: f.slug({ required: true, unique: true, search: true }),
    status: f.choice(BgpGroupStatus, { default: "enabled" }),
    description: f.string({ max: 200, search: true }),
    import_routing_policies: f.m2m("peering.routing-policies", { by: ["slug"] }),
    export_routing_policies: f.m2m("peering.routing-policies", { by: ["slug"] }),
    communities: f.m2m("peering.communities", { by: ["slug"] }),
    local_context_data: f.json({ nullable: true }),
  },
  brief: ["name", "slug"],
  ordering: ["name"],
});
