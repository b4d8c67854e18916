import { resources } from "@rackplane/contract";
import { dcimFixtures } from "./fixtures";
import { make } from "./harness";
import { describeResource } from "./resource-suite";

const { dcim, core } = resources;

describeResource({
  resource: core.tags,
  create: (_, i) => ({ name: `Tag ${i}`, slug: `tag-${i}`, color: `00ff0${i % 10}` }),
  update: () => ({ name: "Renamed", slug: "renamed" }),
  patch: { description: "patched" },
  invalid: [
    { body: () => ({ name: "Bad", slug: "bad slug!" }), field: "slug" },
    { body: () => ({ name: "Bad", slug: "bad", color: "red" }), field: "color" },
  ],
});

describeResource({
  resource: dcim.regions,
  create: (_, i) => ({ name: `Region ${i}`, slug: `region-${i}`, description: `Region number ${i}` }),
  update: () => ({ name: "Updated region", slug: "updated-region" }),
  patch: { description: "patched" },
  invalid: [{ body: () => ({ name: "X", slug: "x", parent: 99999 }), field: "parent" }],
  referencedBy: (s, _fx, target) => make(s, "/api/dcim/regions/", { name: "Child", slug: "child", parent: target.id }),
});

describeResource({
  resource: dcim.dataCenters,
  fixtures: dcimFixtures,
  create: (fx, i) => ({
    name: `DC ${i}`,
    slug: `dc-${i}`,
    region: fx.region.id,
    address: `Street ${i}`,
    tags: [fx.tag.id],
  }),
  update: (fx) => ({ name: "DC updated", slug: "dc-updated", region: fx.region.id }),
  patch: { address: "New address 1" },
  invalid: [{ body: () => ({ name: "X", slug: "x", region: { slug: "nope" } }), field: "region" }],
  referencedBy: (s, _fx, target) => make(s, "/api/dcim/server-rooms/", { name: "Room", data_center: target.id }),
});

describeResource({
  resource: dcim.serverRooms,
  fixtures: dcimFixtures,
  create: (fx, i) => ({ name: `Room ${i}`, data_center: fx.dc.id }),
  update: (fx) => ({ name: "Room updated", data_center: { slug: fx.dc.slug } }),
  patch: { comments: "cold aisle" },
  invalid: [{ body: () => ({ name: "X", data_center: null }), field: "data_center" }],
  referencedBy: (s, _fx, target) => make(s, "/api/dcim/racks/", { name: "R", server_room: target.id }),
});

describeResource({
  resource: dcim.racks,
  fixtures: dcimFixtures,
  create: (fx, i) => ({
    name: `Rack ${i}`,
    server_room: fx.room.id,
    u_height: 40 + i,
    status: i === 1 ? "Planned" : "active",
    asset_tag: `AT-${i}`,
    serial_number: `SN-RACK-${i}`,
  }),
  update: (fx) => ({ name: "Rack updated", server_room: fx.room.id, status: "reserved" }),
  patch: { u_height: 47, status: "Deprecated" },
  invalid: [
    { body: (fx) => ({ name: "X", server_room: fx.room.id, u_height: 0 }), field: "u_height" },
    { body: (fx) => ({ name: "X", server_room: fx.room.id, status: "exploded" }), field: "status" },
  ],
});

describeResource({
  resource: dcim.manufacturers,
  create: (_, i) => ({ name: `Maker ${i}`, slug: `maker-${i}` }),
  update: () => ({ name: "Maker updated", slug: "maker-updated" }),
  patch: { comments: "preferred vendor" },
  invalid: [{ body: () => ({ name: "", slug: "x" }), field: "name" }],
  referencedBy: (s, _fx, target) =>
    make(s, "/api/dcim/asset-models/", { name: "M", manufacturer: target.id, category: "server" }),
});

describeResource({
  resource: dcim.assetModels,
  fixtures: dcimFixtures,
  create: (fx, i) => ({
    name: `Model ${i}`,
    manufacturer: fx.maker.id,
    category: i ? "switch" : "Server",
    u_height: i + 1,
  }),
  update: (fx) => ({ name: "Model updated", manufacturer: { name: fx.maker.name }, category: "storage" }),
  patch: { part_number: "PN-1" },
  invalid: [{ body: (fx) => ({ name: "X", manufacturer: fx.maker.id, category: "toaster" }), field: "category" }],
});

describeResource({
  resource: dcim.servers,
  fixtures: dcimFixtures,
  create: (fx, i) => ({
    name: `server-${i}.example.net`,
    asset_model: fx.model.id,
    serial_number: `SN${1000 + i}`,
    rack: i === 2 ? null : fx.rack.id,
    position: i === 2 ? null : i + 1,
    status: i === 1 ? "In use" : "new",
    local_context_data: { role: `r${i}` },
    tags: i === 0 ? [fx.tag.id] : [],
  }),
  update: (fx) => ({ name: "server-updated", rack: fx.rack.id, position: 10, status: "reserved" }),
  patch: { bios_version: "2.1.0", power_state: "on" },
  invalid: [
    { body: (fx) => ({ name: "x", rack: fx.rack.id, position: 99 }), field: "position" },
    { body: () => ({ name: "x", position: 3 }), field: "position" },
    { body: () => ({ name: "x", local_context_data: "nope" }), field: "local_context_data" },
  ],
});

describeResource({
  resource: dcim.switches,
  fixtures: dcimFixtures,
  create: (fx, i) => ({ name: `sw-${i}`, rack: fx.rack.id, position: 30 + (i % 10), serial_number: `SW${i}` }),
  update: (fx) => ({ name: "sw-updated", rack: fx.rack.id }),
  patch: { status: "in_use" },
  invalid: [{ body: () => ({ name: "x", asset_model: 0 }), field: "asset_model" }],
});
