import { resources } from "@rackplane/contract";
import { make, type TestServer } from "./harness";
import { describeResource } from "./resource-suite";

const { discovery } = resources;
const D = "/api/discovery";

async function discoveryFixtures(s: TestServer) {
  const profile = await make(s, `${D}/auth-profiles/`, { name: "Fixture profile", node_classification: "Dell" });
  const profile2 = await make(s, `${D}/auth-profiles/`, { name: "Fixture profile 2" });
  const range = await make(s, `${D}/scan-ranges/`, { name: "Fixture range", ip_from: "10.9.0.1", ip_to: "10.9.0.20" });
  return { profile, profile2, range };
}

describeResource({
  resource: discovery.authProfiles,
  create: (_, i) => ({ name: `Profile ${i}`, node_classification: `Class ${i}`, bmc: i === 1 ? "IPMI" : "redfish" }),
  update: () => ({ name: "Profile updated", node_classification: "HPE" }),
  patch: { bmc: "ipmi" },
  invalid: [{ body: () => ({ name: "x", bmc: "telnet" }), field: "bmc" }],
});

describeResource({
  resource: discovery.credentials,
  fixtures: discoveryFixtures,
  create: (fx, i) => ({
    auth_profile: i === 1 ? fx.profile2.id : fx.profile.id,
    username: `admin${i}`,
    password: `bmc-secret-${i}`,
    priority: 10 + i,
  }),
  update: (fx) => ({ auth_profile: fx.profile2.id, username: "root", password: "new-secret" }),
  patch: { priority: 1 },
  invalid: [
    {
      body: (fx) => ({ auth_profile: fx.profile.id, username: "x", password: "p", priority: 5000 }),
      field: "priority",
    },
    { body: () => ({ auth_profile: 99999999, username: "x", password: "p" }), field: "auth_profile" },
  ],
});

describeResource({
  resource: discovery.scanRanges,
  create: (_, i) => ({ name: `Range ${i}`, ip_from: `10.${i}.0.1`, ip_to: `10.${i}.0.${10 + i}` }),
  update: () => ({ name: "Range updated", ip_from: "192.168.0.1", ip_to: "192.168.0.2" }),
  patch: { comments: "rack row 4" },
  invalid: [
    { body: () => ({ name: "x", ip_from: "not-an-ip", ip_to: "10.0.0.1" }), field: "ip_from" },
    { body: () => ({ name: "x", ip_from: "::1", ip_to: "::2" }), field: "ip_from" },
  ],
});

describeResource({
  resource: discovery.nodes,
  fixtures: discoveryFixtures,
  create: (fx, i) => ({
    address: `10.9.0.${i + 1}`,
    port: i === 1 ? 8443 : 443,
    bmc_url: `https://10.9.0.${i + 1}/redfish/v1`,
    vendor: i ? "HPE" : "Dell",
    product: `Model ${i}`,
    scan_range: i === 2 ? null : fx.range.id,
  }),
  update: () => ({ address: "10.9.9.9", port: 443 }),
  patch: { vendor: "Supermicro", status: "failed" },
  invalid: [
    { body: () => ({ address: "10.0.0.1", port: 0 }), field: "port" },
    { body: () => ({ address: "10.0.0.1", port: 443, scan_range: 99999999 }), field: "scan_range" },
  ],
});
