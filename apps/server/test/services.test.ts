import { resources } from "@rackplane/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { make, startServer, type TestServer } from "./harness";
import { describeResource } from "./resource-suite";

const { services } = resources;
const base = "/api/services";

describeResource({
  resource: services.teams,
  create: (_, i) => ({ name: `Team ${i}`, description: `team ${i}` }),
  update: () => ({ name: "Team updated" }),
  patch: { description: "patched" },
  invalid: [{ body: () => ({ name: "" }), field: "name" }],
});

describeResource({
  resource: services.environments,
  create: (_, i) => ({ name: `env-${i}` }),
  update: () => ({ name: "env-updated" }),
  patch: { description: "patched" },
  invalid: [{ body: () => ({ name: "" }), field: "name" }],
});

describeResource({
  resource: services.services,
  fixtures: async (s) => ({ team: await make(s, `${base}/teams/`, { name: "Ops" }) }),
  create: (fx, i) => ({
    name: `Service ${i}`,
    uid: `sc-${i}`,
    business_owners: `owner${i}`,
    support_team: fx.team.id,
    active: i !== 1,
  }),
  update: () => ({ name: "Service updated" }),
  patch: { technical_owners: "ops" },
  invalid: [{ body: () => ({ name: "X", uid: "u".repeat(41) }), field: "uid" }],
  referencedBy: async (s, _fx, target) => {
    const env = await make(s, `${base}/environments/`, { name: `ref-${target.id}` });
    return make(s, `${base}/service-environments/`, { service: target.id, environment: env.id });
  },
});

describeResource({
  resource: services.serviceEnvironments,
  fixtures: async (s) => {
    const svcs = [];
    for (let i = 0; i < 30; i++) svcs.push(await make(s, `${base}/services/`, { name: `S${i}`, uid: `u${i}` }));
    const env = await make(s, `${base}/environments/`, { name: "prod" });
    const env2 = await make(s, `${base}/environments/`, { name: "test" });
    return { svcs, env, env2 };
  },
  create: (fx, i) => ({ service: fx.svcs[i].id, environment: fx.env.id }),
  update: (fx) => ({ service: { uid: "u29" }, environment: fx.env2.id }),
  patch: { comments: "patched" },
  invalid: [{ body: (fx) => ({ service: fx.svcs[0].id }), field: "environment" }],
});

describeResource({
  resource: services.configurationModules,
  create: (_, i) => ({ name: `module-${i}`, description: `m${i}` }),
  update: () => ({ name: "module-updated" }),
  patch: { description: "patched" },
  invalid: [{ body: () => ({ name: "x", parent: 999999 }), field: "parent" }],
  referencedBy: (s, _fx, target) => make(s, `${base}/configuration-classes/`, { name: "role", module: target.id }),
});

describeResource({
  resource: services.configurationClasses,
  fixtures: async (s) => ({ module: await make(s, `${base}/configuration-modules/`, { name: "web" }) }),
  create: (fx, i) => ({ name: `class-${i}`, module: fx.module.id }),
  update: (fx) => ({ name: "class-updated", module: { name: fx.module.name } }),
  patch: { description: "patched" },
  invalid: [{ body: () => ({ name: "x" }), field: "module" }],
});

describe("services behaviour", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(async () => s?.close());

  it("keeps configuration modules a tree and names service environments by both ends", async () => {
    const root = await make(s, `${base}/configuration-modules/`, { name: "root" });
    const child = await make(s, `${base}/configuration-modules/`, { name: "child", parent: root.id });
    const loop = await s.patch(`${base}/configuration-modules/${root.id}/`, { parent: child.id });
    expect(loop.status).toBe(400);
    expect(loop.body).toHaveProperty("parent");
    const cls = await make(s, `${base}/configuration-classes/`, { name: "role", module: child.id });
    expect(cls.display).toBe("child/role");

    const svc = await make(s, `${base}/services/`, { name: "Billing" });
    const env = await make(s, `${base}/environments/`, { name: "prod" });
    const se = await make(s, `${base}/service-environments/`, { service: svc.id, environment: env.id });
    expect(se.display).toBe("Billing - prod");
    const dup = await s.post(`${base}/service-environments/`, { service: svc.id, environment: env.id });
    expect(dup.status).toBe(409);
  });
});
