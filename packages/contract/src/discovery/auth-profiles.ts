import { choices, f } from "../common/fields";
import { defineResource } from "../common/resource";

export const BmcProtocol = choices("BmcProtocol", { redfish: "Redfish", ipmi: "IPMI" });

export const authProfiles = defineResource({
  app: "discovery",
  name: "auth-profiles",
  model: "AuthProfile",
  description: "How to log in to discovered BMCs: a protocol and an ordered list of credentials (`credentials`).",
  fields: {
    name: f.string({ required: true, max: 100, unique: true, search: true }),
    description: f.string({ max: 200, search: true }),
    node_classification: f.string({ max: 100, search: true }),
    bmc: f.choice(BmcProtocol, { default: "redfish" }),
    credentials_count: f.count("discovery.credentials", "auth_profile"),
  },
  brief: ["name"],
  ordering: ["name"],
});
