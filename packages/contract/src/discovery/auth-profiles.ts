import { choices, f } from "../common/fields";
import { paginationQuery } from "../common/pagination";
import { defineResource } from "../common/resource";
import { credentials } from "./credentials";

export const BmcProtocol = choices("BmcProtocol", { redfish: "Redfish", ipmi: "IPMI" });

export const authProfiles = defineResource({
  app: "discovery",
  name: "auth-profiles",
  model: "AuthProfile",
  description: "How to log in to discovered BMCs: a protocol and an ordered list of credentials (`credentials`).",
  fields: {
    name: f.string({
      max: 100,
      unique: true,
      search: true,
      description:
        "Omitted or empty: derived from `node_classification` and `bmc` (`Dell Servers - DC1`, then `… (2)`).",
    }),
    description: f.string({ max: 200, search: true }),
    node_classification: f.string({ max: 100, search: true }),
    bmc: f.choice(BmcProtocol, { default: "redfish" }),
    credentials_count: f.count("discovery.credentials", "auth_profile"),
  },
  brief: ["name"],
  ordering: ["name"],
  // The profile's credentials as its sub-resource (domain.md; MOJO's `auth_profile/<id>/credentials/`).
  // They are the rows of `/api/discovery/credentials/`, where one is read, changed or deleted by id.
  actions: {
    credentials: {
      path: "credentials",
      detail: true,
      method: "GET",
      query: paginationQuery,
      responses: { 200: credentials.schemas.Paginated },
      summary: "The profile's credentials, in the order registration tries them (password never shown)",
    },
    addCredential: {
      path: "credentials",
      detail: true,
      method: "POST",
      body: credentials.schemas.Create.omit({ auth_profile: true }),
      responses: { 201: credentials.schemas.Read },
      summary: "Add a BMC login to the profile (the password is stored encrypted, never read back)",
    },
  },
});
