import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BadRequestError, ConflictError, isBadRequest, NotFoundError, Page, Rackplane, RackplaneError } from "../src";
import { startServer, type TestServer } from "./server";

let s: TestServer;
let rp: Rackplane;
/** Every URL the client fetched (a custom `fetch` that records and forwards). */
const seen: { url: string; headers: Headers; method: string }[] = [];

const TOKEN = "0123456789abcdef0123456789abcdef01234567";

beforeAll(async () => {
  // The harness makes this the superuser's token (a server without auth ignores it).
  s = await startServer({ RACKPLANE_ADMIN_TOKEN: TOKEN });
  rp = new Rackplane({
    baseUrl: s.baseUrl,
    token: TOKEN,
    fetch: (url, init) => {
      seen.push({ url, headers: new Headers(init.headers), method: String(init.method) });
      return fetch(url, init);
    },
  });
});
afterAll(async () => s?.close());

const last = () => seen[seen.length - 1]!;
/** The error a call fails with (the test fails if it succeeds). */
const failure = (p: PromiseLike<unknown>): Promise<any> =>
  Promise.resolve(p).then(
    (v) => {
      throw new Error(`expected an error, got ${JSON.stringify(v)}`);
    },
    (e) => e,
  );

async function inventory(prefix: string) {
  const region = await rp.dcim.regions.create({ name: `${prefix} region`, slug: `${prefix}-region` });
  const dc = await rp.dcim.dataCenters.create({ name: `${prefix} DC`, slug: `${prefix}-dc`, region: region.id });
  const room = await rp.dcim.serverRooms.create({ name: `${prefix} room`, data_center: { slug: `${prefix}-dc` } });
  const rack = await rp.dcim.racks.create({ name: `${prefix}-R1`, server_room: room.id });
  return { region, dc, room, rack };
}

describe("resources over HTTP", () => {
  it("creates, reads, changes and deletes, sending token and request id", async () => {
    const { rack } = await inventory("crud");
    const created = await rp.dcim.servers.create({ name: "web-01", rack: rack.id, position: 3, status: "In use" });
    expect(created).toMatchObject({ name: "web-01", position: 3, status: { value: "in_use" } });
    expect(created.rack?.id).toBe(rack.id);
    expect(created.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(last().headers.get("x-request-id")).toBe(created.requestId);
    expect(last().headers.get("authorization")).toBe(`Token ${TOKEN}`);
    expect(JSON.stringify(created)).not.toContain("requestId");

    const got = await rp.dcim.servers.retrieve(created.id);
    expect(got.name).toBe("web-01");
    const patched = await rp.dcim.servers.patch(created.id, { position: 5 });
    expect(patched.position).toBe(5);
    expect(patched.name).toBe("web-01");
    const replaced = await rp.dcim.servers.update(created.id, { name: "web-01b" });
    expect(replaced.position).toBeNull(); // PUT: omitted optional fields return to defaults…
    expect(replaced.status.value).toBe("in_use"); // …but not the workflow state
    await expect(rp.dcim.servers.delete(created.id)).resolves.toBeUndefined();
    await expect(rp.dcim.servers.retrieve(created.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("sends the caller's request id and exposes the raw response", async () => {
    const requestId = "2f4f1c1e-3f5b-4d7e-9a52-2a1b3c4d5e6f";
    const { data, response } = await rp.system.status().withResponse();
    expect(data.api_version).toBe("1");
    expect(response.headers.get("api-version")).toBe("1");
    const r = await rp.dcim.regions.list({}, { requestId }).withResponse();
    expect(r.requestId).toBe(requestId);
    expect(r.response.status).toBe(200);
    expect(r.data.requestId).toBe(requestId);
    // Any path, for what the tree does not cover.
    const index = await rp.request<{ endpoints: { resource: string }[] }>("GET", "/api/");
    expect(index.endpoints.map((e) => e.resource)).toContain("servers");
  });

  it("filters with repeated keys, comma lists and ordering", async () => {
    const { rack } = await inventory("flt");
    await rp.dcim.servers.bulkCreate([
      { name: "flt-web-1", rack: rack.id, status: "in_use" },
      { name: "flt-web-2", rack: rack.id, status: "free" },
      { name: "flt-db-1", rack: rack.id, status: "in_use" },
      { name: "flt-web-3", rack: rack.id, status: "damaged" },
    ]);
    const page = await rp.dcim.servers.list({
      rack_id: rack.id,
      status: ["in_use", "free"],
      name__icontains: "WEB",
      ordering: ["-name"],
    });
    expect(page).toBeInstanceOf(Page);
    expect(page.count).toBe(2);
    expect(page.results.map((x) => x.name)).toEqual(["flt-web-2", "flt-web-1"]);
    const url = new URL(last().url);
    expect(url.searchParams.getAll("status")).toEqual(["in_use", "free"]);
    expect(url.searchParams.get("ordering")).toBe("-name");

    const some = await rp.dcim.servers.list({ rack: rack.id, name__in: ["flt-db-1", "flt-web-3"], ordering: "name" });
    expect(some.results.map((x) => x.name)).toEqual(["flt-db-1", "flt-web-3"]);
    expect(new URL(last().url).search).toContain("name__in=flt-db-1%2Cflt-web-3");
  });

  it("iterates every item across pages, one request per page", async () => {
    const { rack } = await inventory("iter");
    await rp.dcim.servers.bulkCreate(
      Array.from({ length: 23 }, (_, i) => ({ name: `iter-${String(i).padStart(2, "0")}`, rack: rack.id })),
    );
    const before = seen.length;
    const names: string[] = [];
    for await (const srv of rp.dcim.servers.list({ rack_id: rack.id, limit: 10, ordering: "name" }))
      names.push(srv.name);
    expect(names).toHaveLength(23);
    expect(names[0]).toBe("iter-00");
    expect(names[22]).toBe("iter-22");
    expect(new Set(names).size).toBe(23);
    expect(seen.length - before).toBe(3);
    // Every page request kept the filter and ordering of the first one.
    for (const r of seen.slice(before)) expect(new URL(r.url).searchParams.get("rack_id")).toBe(String(rack.id));

    const first = await rp.dcim.servers.list({ rack_id: rack.id, limit: 10 });
    const sizes: number[] = [];
    for await (const p of first.iterPages()) sizes.push(p.results.length);
    expect(sizes).toEqual([10, 10, 3]);
  });

  it("runs bulk updates and deletes all or none", async () => {
    const { rack } = await inventory("bulk");
    const made = await rp.dcim.servers.bulkCreate([
      { name: "bulk-1", rack: rack.id },
      { name: "bulk-2", rack: rack.id },
    ]);
    expect(made.requestId).toBeTypeOf("string");
    // new → reserved is the `reserve` transition, so a plain PATCH may make it.
    const patched = await rp.dcim.servers.bulkPatch(made.map((m) => ({ id: m.id, status: "reserved", position: 7 })));
    expect(patched.map((p) => [p.status.value, p.position])).toEqual([
      ["reserved", 7],
      ["reserved", 7],
    ]);
    // PUT: omitted optional fields return to defaults, except the workflow state.
    const put = await rp.dcim.servers.bulkUpdate(made.map((m, i) => ({ id: m.id, name: `bulk-${i}-x` })));
    expect(put.map((p) => [p.status.value, p.position])).toEqual([
      ["reserved", null],
      ["reserved", null],
    ]);

    const err = await failure(
      rp.dcim.servers.bulkPatch([
        { id: made[0]!.id, position: 2 },
        { id: made[1]!.id, position: 0 },
      ]),
    );
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err.itemErrors).toHaveLength(2);
    expect(err.itemErrors[1].position).toBeDefined();
    expect((await rp.dcim.servers.retrieve(made[0]!.id)).position).toBeNull(); // nothing written

    await rp.dcim.servers.bulkDelete(made.map((m) => ({ id: m.id })));
    expect((await rp.dcim.servers.list({ rack_id: rack.id })).count).toBe(0);
  });

  it("lists and runs workflow transitions", async () => {
    const srv = await rp.dcim.servers.create({ name: "wf-1" });
    const t = await rp.dcim.servers.transitions(srv.id);
    expect(t.current).toBe("new");
    expect(t.transitions.map((x) => x.name)).toContain("install");
    const moved = await rp.dcim.servers.runTransition(srv.id, "install", { reason: "racked" });
    expect(moved.status.value).toBe("in_use");
    await expect(rp.dcim.servers.runTransition(srv.id, "send_to_repair")).rejects.toBeInstanceOf(BadRequestError);
  });
});

describe("declared actions", () => {
  it("calls a resource's actions like any other route", async () => {
    const net = await rp.ipam.networks.create({ name: "mgmt", address: "10.9.0.0/29", gateway: "10.9.0.1" });
    const free = await rp.ipam.networks.availableIps(net.id, { limit: 3 });
    expect(free.map((a) => a.address)).toEqual(["10.9.0.2", "10.9.0.3", "10.9.0.4"]);
    expect(last().url).toBe(`${s.baseUrl}/api/ipam/networks/${net.id}/available-ips/?limit=3`);
    const ip = await rp.ipam.networks.allocateIp(net.id, { description: "bmc" });
    expect(ip.address).toBe("10.9.0.2");
    expect(last().method).toBe("POST");
    expect((await rp.ipam.networks.availableIps(net.id, { limit: 1 }))[0]!.address).toBe("10.9.0.3");
  });
});

describe("typed errors", () => {
  it("maps a 400 to BadRequestError with field errors", async () => {
    const err = await failure(rp.dcim.regions.create({ name: "", slug: "not a slug" }));
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err).toBeInstanceOf(RackplaneError);
    if (!isBadRequest(err, rp.dcim.regions)) throw err;
    expect(err.status).toBe(400);
    expect(err.messages("slug")[0]).toMatch(/match/);
    expect(err.fieldErrors.name).toBeDefined();
    expect(err.requestId).toBe(err.headers.get("x-request-id"));
    expect(err.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("maps a bad filter to a 400 naming the parameter", async () => {
    const err = await failure(rp.dcim.servers.list({ nmae: "x" } as never));
    expect(err).toBeInstanceOf(BadRequestError);
    expect(Object.keys(err.fieldErrors)).toContain("nmae");
  });

  it("maps a duplicate to ConflictError and a missing object to NotFoundError", async () => {
    await rp.dcim.manufacturers.create({ name: "Dell", slug: "dell" });
    const dup = await failure(rp.dcim.manufacturers.create({ name: "Dell", slug: "dell-2" }));
    expect(dup).toBeInstanceOf(ConflictError);
    expect(dup.status).toBe(409);
    expect(dup.body.detail).toMatch(/already exists/);
    expect(dup.message).toMatch(/^409 /);
    const missing = await failure(rp.dcim.racks.retrieve(999_999));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing.headers.get("api-version")).toBe("1");
  });

  it("reads base URL and token from the environment", async () => {
    process.env.RACKPLANE_URL = `${s.baseUrl}/api/`;
    process.env.RACKPLANE_TOKEN = TOKEN;
    try {
      const headers: Headers[] = [];
      const envClient = new Rackplane({
        fetch: (u, i) => {
          headers.push(new Headers(i.headers));
          return fetch(u, i);
        },
      });
      expect(envClient.transport.baseUrl).toBe(s.baseUrl);
      expect((await envClient.system.status()).api_version).toBe("1");
      expect(headers[0]!.get("authorization")).toBe(`Token ${TOKEN}`);
    } finally {
      delete process.env.RACKPLANE_URL;
      delete process.env.RACKPLANE_TOKEN;
    }
  });
});
