import { f } from "../common/fields";
import { defineResource } from "../common/resource";

export const autonomousSystems = defineResource({
  app: "peering",
  name: "autonomous-systems",
  model: "AutonomousSystem",
  description: "Autonomous systems we peer with; `asn` is a 32-bit AS number (1-4294967295, stored as bigint).",
  fields: {
    asn: f.int({ required: true, min: 1, max: 4294967295, unique: true }),
    name: f.string({ required: true, max: 200, search: true }),
    irr_as_set: f.string({ max: 255, search: true }),
    ipv4_max_prefixes: f.int({ min: 0, default: 0 }),
    ipv6_max_prefixes: f.int({ min: 0, default: 0 }),
    affiliated: f.bool(),
    description: f.string({ max: 200, search: true }),
    import_routing_policies: f.m2m("peering.routing-policies", { by: ["slug"] }),
    export_routing_policies: f.m2m("peering.routing-policies", { by: ["slug"] }),
    communities: f.m2m("peering.communities", { by: ["slug"] }),
    local_context_data: f.json({ nullable: true }),
  },
  brief: ["asn", "name", "ipv4_max_prefixes", "ipv6_max_prefixes"],
  display: "AS{asn} {name}",
  ordering: ["asn"],
});
