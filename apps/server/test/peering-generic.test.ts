import { resources } from "@rackplane/contract";
import { make, type TestServer } from "./harness";
import { describeResource } from "./resource-suite";

const { peering } = resources;
const P = "/api/peering";

/** A routing policy and a community for the groups that refer to them. */
async function policyFixtures(s: TestServer) {
  const rp = await make(s, `${P}/routing-policies/`, { name: "Fixture policy", slug: "fixture-policy" });
  const rp2 = await make(s, `${P}/routing-policies/`, {
    name: "Fixture export",
    slug: "fixture-export",
    type: "export-policy",
  });
  const community = await make(s, `${P}/communities/`, { name: "Fixture community", slug: "fx-c", value: "64500:1" });
  return { rp, rp2, community };
}

describeResource({
  resource: peering.routingPolicies,
  create: (_, i) => ({
    name: `Policy ${i}`,
    slug: `policy-${i}`,
    type: i === 1 ? "export-policy" : "import-policy",
    weight: 10 * i,
    address_family: i % 2 ? 6 : 4,
    description: `policy number ${i}`,
  }),
  update: () => ({ name: "Policy updated", slug: "policy-updated", type: "import-export-policy" }),
  patch: { weight: 500, local_context_data: { route_map: "RM-1" } },
  invalid: [
    { body: () => ({ name: "x", slug: "x", address_family: 7 }), field: "address_family" },
    { body: () => ({ name: "x", slug: "x", type: "sideways" }), field: "type" },
  ],
});

describeResource({
  resource: peering.communities,
  create: (_, i) => ({
    name: `Community ${i}`,
    slug: `community-${i}`,
    value: i === 1 ? `64500:${i}:7` : `64500:${100 + i}`,
    type: i === 2 ? null : "ingress",
  }),
  update: () => ({ name: "Community updated", slug: "community-updated", value: "64501:1" }),
  patch: { type: "egress", description: "patched" },
  invalid: [{ body: () => ({ name: "x", slug: "x", value: "not-a-community" }), field: "value" }],
});

describeResource({
  resource: peering.bgpGroups,
  fixtures: policyFixtures,
  create: (fx, i) => ({
    name: `Group ${i}`,
    slug: `group-${i}`,
    status: i === 1 ? "maintenance" : "enabled",
    import_routing_policies: [fx.rp.id],
    export_routing_policies: i ? [] : [fx.rp2.id],
    communities: i === 2 ? [] : [fx.community.id],
  }),
  update: (fx) => ({ name: "Group updated", slug: "group-updated", communities: [{ slug: fx.community.slug }] }),
  patch: { status: "disabled", description: "patched" },
  invalid: [
    { body: () => ({ name: "x", slug: "x", status: "asleep" }), field: "status" },
    { body: () => ({ name: "x", slug: "x", communities: [99999999] }), field: "communities" },
  ],
});
