import { choices, f } from "../common/fields";
import { defineResource } from "../common/resource";

export const IxpSessionStatus = choices("IxpSessionStatus", {
  enabled: "Enabled",
  disabled: "Disabled",
  maintenance: "Maintenance",
  requested: "Requested",
});

export const BgpState = choices("BgpState", {
  idle: "Idle",
  connect: "Connect",
  active: "Active",
  opensent: "OpenSent",
  openconfirm: "OpenConfirm",
  established: "Established",
});

export const ixpSessions = defineResource({
  app: "peering",
  name: "ixp-sessions",
  model: "IXPSession",
  description:
    "BGP sessions with an autonomous system over an IXP connection. `password` (the TCP-MD5 key) is write-only.",
  fields: {
    autonomous_system: f.fk("peering.autonomous-systems", { required: true, by: ["name"] }),
    ixp_connection: f.fk("peering.ixp-connections", { required: true, by: [], onDelete: "cascade" }),
    ip_address: f.ip({ required: true, search: true }),
    status: f.choice(IxpSessionStatus, { default: "enabled" }),
    multihop_ttl: f.int({ min: 1, max: 255, default: 1 }),
    passive: f.bool(),
    is_route_server: f.bool(),
    password: f.string({ max: 80, nullable: true, writeOnly: true, order: false, filter: false }),
    description: f.string({ max: 200, search: true }),
    bgp_group: f.fk("peering.bgp-groups", { nullable: true, onDelete: "set_null" }),
    bgp_state: f.choice(BgpState, { nullable: true, default: null }),
    received_prefix_count: f.int({ min: 0, default: 0 }),
    advertised_prefix_count: f.int({ min: 0, default: 0 }),
    last_established_state: f.datetime({ nullable: true }),
    import_routing_policies: f.m2m("peering.routing-policies", { by: ["slug"] }),
    export_routing_policies: f.m2m("peering.routing-policies", { by: ["slug"] }),
    communities: f.m2m("peering.communities", { by: ["slug"] }),
    local_context_data: f.json({ nullable: true }),
    exists_in_peeringdb: f.bool({ description: "Whether PeeringDB lists the session (set by a sync)." }),
    is_abandoned: f.bool({ description: "The peer no longer appears at the exchange." }),
    service_reference: f.string({
      max: 255,
      nullable: true,
      unique: true,
      search: true,
      description: "An external reference (ticket, circuit); unique.",
    }),
  },
  brief: ["autonomous_system", "ip_address"],
  display: "{autonomous_system} {ip_address}",
  ordering: ["ip_address"],
});
