import { choices, f } from "../common/fields";
import { defineResource } from "../common/resource";

export const InternetExchangeStatus = choices("InternetExchangeStatus", {
  active: "Active",
  planned: "Planned",
  disabled: "Disabled",
});

export const internetExchanges = defineResource({
  app: "peering",
  name: "internet-exchanges",
  model: "InternetExchange",
  description: "Internet exchange points where we connect routers.",
  fields: {
    name: f.string({ required: true, max: 100, unique: true, search: true }),
    slug: f.slug({ required: true, unique: true, search: true }),
    status: f.choice(InternetExchangeStatus, { default: "active" }),
    description: f.string({ max: 200, search: true }),
    connections_count: f.count("peering.ixp-connections", "internet_exchange"),
  },
  brief: ["name", "slug"],
  ordering: ["name"],
});
