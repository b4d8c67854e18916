import { choices, f } from "../common/fields";
import { defineResource } from "../common/resource";

export const IxpSessionStatus = choices("IxpSessionStatus", {
  enabled: "Enabled",
  disabled: "Disabled",
  maintenance: "Maintenance",
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
  },
  brief: ["autonomous_system", "ip_address"],
  display: "{autonomous_system} {ip_address}",
  ordering: ["ip_address"],
});
