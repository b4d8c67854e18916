import { resources } from "@rackplane/contract";
import { dcimFixtures } from "./fixtures";
import { make } from "./harness";
import { describeResource } from "./resource-suite";

const { dcim } = resources;

describeResource({
  resource: dcim.warehouses,
  create: (_, i) => ({ name: `Warehouse ${i}`, address: `Dock ${i}` }),
  update: () => ({ name: "Warehouse updated" }),
  patch: { address: "Dock 9" },
  invalid: [{ body: () => ({ name: "" }), field: "name" }],
});

describeResource({
  resource: dcim.accessories,
  fixtures: dcimFixtures,
  create: (fx, i) => ({
    name: `Patch panel ${i}`,
    rack: fx.rack.id,
    position: i + 1,
    orientation: i ? "Back" : "front",
  }),
  update: (fx) => ({ name: "Brush panel", rack: { name: fx.rack.name } }),
  patch: { position: 40 },
  invalid: [
    { body: (fx) => ({ name: "X", rack: fx.rack.id, position: 43 }), field: "position" },
    { body: () => ({ name: "X", rack: 999999 }), field: "rack" },
  ],
});

describeResource({
  resource: dcim.accessZones,
  create: (_, i) => ({ name: `Zone ${i}`, description: `floor ${i}` }),
  update: () => ({ name: "Zone updated" }),
  patch: { description: "patched" },
  invalid: [{ body: () => ({ name: "X", parent: 999999 }), field: "parent" }],
  referencedBy: (s, _fx, target) => make(s, "/api/dcim/access-zones/", { name: "Child", parent: target.id }),
});

describeResource({
  resource: dcim.accessCards,
  fixtures: async (s) => ({
    zone: await make(s, "/api/dcim/access-zones/", { name: "Lobby" }),
    user: await make(s, "/api/users/users/", { username: "card.holder", password: "badge-reader-1" }),
  }),
  create: (fx, i) => ({
    number: `CARD-${i}`,
    system_number: `SYS-${i}`,
    access_zone: fx.zone.id,
    user: i === 1 ? { username: "card.holder" } : fx.user.id,
    issue_date: "2026-03-01",
    status: i === 2 ? "In use" : "new",
  }),
  update: (fx) => ({ number: "CARD-X", access_zone: { name: fx.zone.name } }),
  patch: { status: "Lost" },
  invalid: [
    { body: () => ({ number: "C", user: { username: "nobody" } }), field: "user" },
    { body: () => ({ number: "C", status: "stolen" }), field: "status" },
  ],
});
