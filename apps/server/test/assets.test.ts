import { readFileSync } from "node:fs";
import { resources } from "@rackplane/contract";
import { BASE_OBJECTS_VIEW_SQL, migrationsFolder } from "@rackplane/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogueFixtures } from "./catalogue-fixtures";
import { make, startServer, type TestServer } from "./harness";
import { describeResource } from "./resource-suite";

const { assets, services } = resources;
const A = "/api/assets";
/** A valid date for sample `i` (the suite uses i up to ~25). */
const day = (year: number, i: number) => `${year}-${String((i % 12) + 1).padStart(2, "0")}-01`;

async function assetFixtures(s: TestServer) {
  const fx = await catalogueFixtures(s);
  const warehouse = await make(s, "/api/dcim/warehouses/", { name: "Fixture warehouse" });
  const user = await make(s, "/api/users/users/", { username: "fixture.user", password: "fixture-pass-1" });
  const sw = await make(s, `${A}/software/`, { name: "Fixture OS" });
  const licence = await make(s, `${A}/licences/`, { software: sw.id, niw: "NIW-FX", number_bought: 1000 });
  // Enough assets for every sample the generic suite makes (one bulk request).
  const bo = (
    await s.post(
      `${A}/back-office-assets/`,
      Array.from({ length: 30 }, (_, i) => ({ hostname: `fx-${i}`, warehouse: warehouse.id })),
    )
  ).body;
  const domain = await make(s, `${A}/domains/`, { name: "fixture.example" });
  return { ...fx, warehouse, user, sw, licence, bo, domain };
}

describeResource({
  resource: assets.backOfficeAssets,
  fixtures: assetFixtures,
  create: (fx, i) => ({
    hostname: `laptop-${i}`,
    asset_model: fx.model.id,
    sn: `SN-BO-${i}`,
    barcode: `BC-${i}`,
    warehouse: fx.warehouse.id,
    user: i === 1 ? { username: "fixture.user" } : fx.user.id,
    owner: fx.user.id,
    service_environment: fx.se.id,
    status: i === 1 ? "In use" : "new",
    price: 1200.5 + i,
    invoice_date: day(2026, i),
  }),
  update: (fx) => ({ hostname: "laptop-replaced", warehouse: { name: fx.warehouse.name } }),
  patch: { location: "desk 12" },
  invalid: [
    { body: () => ({ hostname: "x" }), field: "warehouse" },
    { body: (fx) => ({ hostname: "x", warehouse: fx.warehouse.id, status: "stolen" }), field: "status" },
  ],
});

describeResource({
  resource: assets.software,
  create: (_, i) => ({ name: `Product ${i}` }),
  update: () => ({ name: "Product updated" }),
  patch: { comments: "patched" },
  invalid: [{ body: () => ({ name: "" }), field: "name" }],
  referencedBy: (s, _fx, target) =>
    make(s, `${A}/licences/`, { software: target.id, niw: `ref-${target.id}`, number_bought: 1 }),
});

describeResource({
  resource: assets.licences,
  fixtures: assetFixtures,
  create: (fx, i) => ({
    software: fx.sw.id,
    niw: `NIW-${i}`,
    number_bought: 10 + i,
    valid_thru: day(2027, i),
    price: 99.5,
    service_environment: fx.se.id,
  }),
  update: (fx) => ({ software: { name: fx.sw.name }, niw: "NIW-upd", number_bought: 5 }),
  patch: { invoice_no: "INV-1" },
  invalid: [{ body: (fx) => ({ software: fx.sw.id, niw: "x", number_bought: 0 }), field: "number_bought" }],
});

describeResource({
  resource: assets.baseObjectLicences,
  fixtures: assetFixtures,
  // An assignment goes with its asset: seen by who sees the asset (back-office assets, and the server of the PUT).
  follows: "base_object",
  seesThrough: ["assets.base-objects", "assets.back-office-assets", "dcim.servers"],
  create: (fx, i) => ({ licence: fx.licence.id, base_object: fx.bo[i].id, quantity: 1 + i }),
  update: (fx) => ({ licence: { niw: "NIW-FX" }, base_object: fx.server.id, quantity: 3 }),
  patch: { quantity: 4 },
  invalid: [
    { body: (fx) => ({ licence: fx.licence.id, base_object: 99999999 }), field: "base_object" },
    { body: (fx) => ({ licence: fx.licence.id, base_object: fx.server.id, quantity: 0 }), field: "quantity" },
  ],
});

describeResource({
  resource: assets.simCards,
  fixtures: assetFixtures,
  create: (fx, i) => ({
    card_number: `8948000000${i}`,
    phone_number: `+4860000000${i}`,
    pin1: "1234",
    warehouse: fx.warehouse.id,
  }),
  update: () => ({ card_number: "894800009999" }),
  patch: { carrier: "Orange", status: "In use" },
  invalid: [{ body: () => ({ card_number: "12ab5" }), field: "card_number" }],
});

describeResource({
  resource: assets.sslCertificates,
  fixtures: assetFixtures,
  create: (fx, i) => ({
    name: `cert-${i}`,
    domain_ssl: `www${i}.example.com`,
    certificate_type: i ? "EV" : "dv",
    date_from: "2026-01-01",
    date_to: day(2027, i),
    service_environment: fx.se.id,
  }),
  update: () => ({ name: "cert-replaced" }),
  patch: { issuer: "Let's Encrypt" },
  invalid: [{ body: () => ({ name: "x", date_from: "2026-05-01", date_to: "2026-01-01" }), field: "date_to" }],
});

describeResource({
  resource: assets.domains,
  create: (_, i) => ({ name: `example${i}.com`, dns_provider: "route53", status: i ? "Lapsed" : "active" }),
  update: () => ({ name: "replaced.com" }),
  patch: { domain_holder: "ACME" },
  invalid: [{ body: () => ({ name: "x.com", status: "gone" }), field: "status" }],
});

describeResource({
  resource: assets.domainContracts,
  fixtures: assetFixtures,
  create: (fx, i) => ({ domain: fx.domain.id, registrar: `reg${i}`, expiration_date: day(2028, i), price: 10 }),
  update: (fx) => ({ domain: { name: fx.domain.name }, registrar: "other" }),
  patch: { price: 12.5 },
  invalid: [{ body: () => ({ registrar: "x" }), field: "domain" }],
});

describeResource({
  resource: assets.baseObjects,
  fixtures: assetFixtures,
  // Three assets of their own type, in a service environment (what base-objects reads through the view).
  seed: async (s, fx) => {
    const r = await s.post(
      `${A}/back-office-assets/`,
      [0, 1, 2].map((i) => ({
        hostname: `base-${i}`,
        sn: `SN-BASE-${i}`,
        barcode: `BC-BASE-${i}`,
        warehouse: fx.warehouse.id,
        service_environment: i === 2 ? null : fx.se.id,
        status: i ? "in_use" : "new",
      })),
    );
    return r.body.map((o: { id: number }) => o.id);
  },
  // A base object is seen by who sees the asset it is.
  seesThrough: ["assets.back-office-assets"],
});

describeResource({
  resource: services.supports,
  fixtures: assetFixtures,
  create: (fx, i) => ({
    name: `support-${i}`,
    contract_id: `C-${i}`,
    supplier: "Vendor",
    date_from: "2026-01-01",
    date_to: day(2029, i),
    assets: [fx.server.id, fx.bo[i].id],
  }),
  update: () => ({ name: "support-replaced", contract_id: "C-R", date_to: "2030-01-01" }),
  patch: { price: 100 },
  invalid: [
    { body: () => ({ name: "x", contract_id: "c", date_to: "2030-01-01", assets: [99999999] }), field: "assets" },
    { body: () => ({ name: "x", contract_id: "c", date_from: "2031-01-01", date_to: "2030-01-01" }), field: "date_to" },
  ],
});

describe("assets behaviour", () => {
  let s: TestServer;
  let fx: Awaited<ReturnType<typeof assetFixtures>>;
  beforeAll(async () => {
    s = await startServer();
    fx = await assetFixtures(s);
  });
  afterAll(async () => s?.close());

  it("lists every asset type in base-objects with unique ids, type and extended filters, paginated in SQL", async () => {
    const sw = await make(s, "/api/dcim/switches/", { name: "tor-1", serial_number: "SN-SW-1" });
    const vm = await make(s, "/api/virtual/virtual-servers/", { hostname: "vm-1", sn: "SN-VM-1" });
    const ch = await make(s, "/api/virtual/cloud-hosts/", {
      hostname: "cloud-1",
      cloud_provider: "os",
      host_id: "h-1",
    });
    const bo = await make(s, `${A}/back-office-assets/`, {
      hostname: "laptop-9",
      sn: "SN-BO-9",
      warehouse: fx.warehouse.id,
    });
    const all = await s.get(`${A}/base-objects/?limit=1000`);
    expect(all.status).toBe(200);
    const ids = all.body.results.map((x: { id: number }) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of [fx.server, sw, vm, ch, bo]) expect(ids).toContain(o.id);
    expect(all.queries).toBeLessThanOrEqual(2);

    const byName = async (q: string) =>
      (await s.get(`${A}/base-objects/?${q}`)).body.results.map((x: { type: { value: string }; name: string }) => [
        x.type.value,
        x.name,
      ]);
    expect(await byName("name=vm-1")).toEqual([["virtual_server", "vm-1"]]);
    expect(await byName("name=hv-1")).toEqual([["server", "hv-1"]]);
    expect(await byName("sn=SN-SW-1")).toEqual([["switch", "tor-1"]]);
    expect(await byName("sn=SN-BO-9")).toEqual([["back_office_asset", "laptop-9"]]);
    expect(await byName("sn=h-1")).toEqual([["cloud_host", "cloud-1"]]);
    expect(await byName("sn__startswith=SN-&ordering=name")).toEqual([
      ["server", "hv-1"],
      ["back_office_asset", "laptop-9"],
      ["switch", "tor-1"],
      ["virtual_server", "vm-1"],
    ]);
    expect((await s.get(`${A}/base-objects/?type=cloud_host`)).body.count).toBe(1);
    expect((await s.get(`${A}/base-objects/?search=laptop-9`)).body.count).toBe(1);

    const page = await s.get(`${A}/base-objects/?limit=2&offset=1&ordering=id`);
    expect(page.body.results.map((x: { id: number }) => x.id)).toEqual([...ids].sort((a, b) => a - b).slice(1, 3));
    expect(page.body.count).toBe(ids.length);
    expect(page.queries).toBeLessThanOrEqual(2);

    const one = await s.get(`${A}/base-objects/${vm.id}/`);
    expect(one.body).toMatchObject({ id: vm.id, name: "vm-1", type: { value: "virtual_server" } });
    expect((await s.post(`${A}/base-objects/`, { name: "x" })).status).toBe(405);
    expect((await s.get(`${A}/base-objects/?name__nope=1`)).status).toBe(400);
  });

  it("refuses licence over-assignment (400), also across a bulk and after lowering number_bought", async () => {
    const lic = await make(s, `${A}/licences/`, { software: fx.sw.id, niw: "NIW-5", number_bought: 5 });
    const a = await make(s, `${A}/base-object-licences/`, { licence: lic.id, base_object: fx.bo[0].id, quantity: 3 });
    const over = await s.post(`${A}/base-object-licences/`, { licence: lic.id, base_object: fx.bo[1].id, quantity: 3 });
    expect(over.status).toBe(400);
    expect(over.body.quantity[0]).toMatch(/NIW-5: 6 assigned but only 5 bought/);
    const bulk = await s.post(`${A}/base-object-licences/`, [
      { licence: lic.id, base_object: fx.bo[1].id, quantity: 1 },
      { licence: lic.id, base_object: fx.bo[2].id, quantity: 2 },
    ]);
    expect(bulk.status).toBe(400);
    expect((await s.get(`${A}/base-object-licences/?licence=${lic.id}`)).body.count).toBe(1);
    const up = await s.patch(`${A}/base-object-licences/${a.id}/`, { quantity: 6 });
    expect(up.status).toBe(400);
    const ok = await s.post(`${A}/base-object-licences/`, { licence: lic.id, base_object: fx.bo[1].id, quantity: 2 });
    expect(ok.status).toBe(201);
    const lower = await s.patch(`${A}/licences/${lic.id}/`, { number_bought: 4 });
    expect(lower.status).toBe(400);
    expect(lower.body).toHaveProperty("number_bought");
    expect((await s.get(`${A}/licences/${lic.id}/`)).body.assignments_count).toBe(2);
  });

  it("never over-assigns under concurrent assignment", async () => {
    const lic = await make(s, `${A}/licences/`, { software: fx.sw.id, niw: "NIW-RACE", number_bought: 3 });
    const targets = [];
    for (let i = 0; i < 8; i++) targets.push(await make(s, "/api/virtual/virtual-servers/", { hostname: `race-${i}` }));
    const rs = await Promise.all(
      targets.map((t) => s.post(`${A}/base-object-licences/`, { licence: lic.id, base_object: t.id, quantity: 1 })),
    );
    expect(rs.filter((r) => r.status === 201)).toHaveLength(3);
    expect(rs.filter((r) => r.status === 400)).toHaveLength(5);
  });

  it("moves back-office assets through their status transitions", async () => {
    const bo = await make(s, `${A}/back-office-assets/`, { hostname: "phone-1", warehouse: fx.warehouse.id });
    const t = await s.get(`${A}/back-office-assets/${bo.id}/transitions/`);
    expect(t.body.current).toBe("new");
    expect(t.body.transitions.map((x: { name: string }) => x.name)).toContain("release");
    const rel = await s.post(`${A}/back-office-assets/${bo.id}/transitions/release/`, {});
    expect(rel.status).toBe(200);
    expect(rel.body.status.value).toBe("in_use");
    const bad = await s.post(`${A}/back-office-assets/${bo.id}/transitions/repaired/`, {});
    expect(bad.status).toBe(400);
    expect(bad.body.non_field_errors[0]).toMatch(/not allowed from status "in_use"/);
  });

  it("assigns licences through a server's `licences` list, within what was bought", async () => {
    const lic = await make(s, `${A}/licences/`, { software: fx.sw.id, niw: "NIW-SRV", number_bought: 1 });
    const a = await make(s, "/api/dcim/servers/", { name: "lic-a", licences: [lic.id] });
    expect(a.licences.map((l: { id: number }) => l.id)).toEqual([lic.id]);
    const rows = await s.get(`${A}/base-object-licences/?base_object=${a.id}`);
    expect(rows.body.results.map((r: { quantity: number }) => r.quantity)).toEqual([1]);
    const b = await s.post("/api/dcim/servers/", { name: "lic-b", licences: [{ niw: "NIW-SRV" }] });
    expect(b.status).toBe(400);
    expect(b.body.quantity[0]).toMatch(/NIW-SRV: 2 assigned but only 1 bought/);
    expect((await s.get("/api/dcim/servers/?name=lic-b")).body.count).toBe(0);
    expect(
      (await s.get(`/api/dcim/servers/?licences=${lic.id}`)).body.results.map((x: { id: number }) => x.id),
    ).toEqual([a.id]);
    const cleared = await s.patch(`/api/dcim/servers/${a.id}/`, { licences: [] });
    expect(cleared.body.licences).toEqual([]);
    expect((await s.get(`${A}/licences/${lic.id}/`)).body.assignments_count).toBe(0);
  });

  it("keeps SIM PIN/PUK write-only, cleans assignments of deleted assets, and links servers to a service environment", async () => {
    const sim = await make(s, `${A}/sim-cards/`, { card_number: "89480000777", pin1: "4321", puk1: "87654321" });
    expect(sim).not.toHaveProperty("pin1");
    expect(JSON.stringify((await s.get(`${A}/sim-cards/${sim.id}/`)).body)).not.toContain("4321");

    const srv = await make(s, "/api/dcim/servers/", { name: "doomed", service_environment: fx.se.id });
    expect(srv.service_environment.id).toBe(fx.se.id);
    const bol = await make(s, `${A}/base-object-licences/`, { licence: fx.licence.id, base_object: srv.id });
    const sup = await make(s, "/api/services/supports/", {
      name: "s",
      contract_id: "c",
      date_to: "2030-01-01",
      assets: [srv.id],
    });
    expect(sup.assets.map((x: { id: number }) => x.id)).toEqual([srv.id]);
    expect((await s.del(`/api/dcim/servers/${srv.id}/`)).status).toBe(204);
    expect((await s.get(`${A}/base-object-licences/${bol.id}/`)).status).toBe(404);
    expect((await s.get(`/api/services/supports/${sup.id}/`)).body.assets).toEqual([]);
  });

  it("creates the base_objects view the server binds to", () => {
    const sql = readFileSync(`${migrationsFolder}/0006_assets.sql`, "utf8");
    expect(sql).toContain(BASE_OBJECTS_VIEW_SQL);
  });
});
