import { resources } from "@rackplane/contract";
import { make } from "./harness";
import { describeResource } from "./resource-suite";

const { pools } = resources;

describeResource({
  resource: pools.pools,
  fixtures: async (s) => ({
    group: await make(s, "/api/users/groups/", { name: "Pool team" }),
    other: await make(s, "/api/users/groups/", { name: "Other team" }),
  }),
  create: (fx, i) => ({ name: `Pool ${i}`, description: `pool number ${i}`, group: fx.group.id }),
  update: (fx) => ({ name: "Pool updated", group: fx.group.id }),
  patch: { description: "patched" },
  invalid: [
    { body: () => ({ name: "x", group: 99999999 }), field: "group" },
    { body: () => ({ name: "x", parent: 99999999 }), field: "parent" },
  ],
  referencedBy: (s, fx, target) => make(s, "/api/pools/pools/", { name: "Sub", parent: target.id, group: fx.group.id }),
  // A pool is seen by the members of its group: the axis' callers are, so only permissions narrow them.
  callerGroups: (fx) => [fx.group.id],
});
