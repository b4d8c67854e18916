import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { make, startServer, type TestServer } from "./harness";

const N = "/api/ipam/networks/";
const IP = "/api/ipam/ip-addresses/";
const ENV = "/api/ipam/network-environments/";

describe("ipam behaviour", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(async () => s?.close());

  it("derives an address's network: the smallest containing network of its environment", async () => {
    const big = await make(s, N, { address: "10.0.0.0/8" });
    const mid = await make(s, N, { address: "10.1.0.0/16" });
    const ip = await make(s, IP, { address: "10.1.2.3" });
    expect(ip.network.id).toBe(mid.id);
    const outside = await make(s, IP, { address: "172.16.0.1" });
    expect(outside.network).toBeNull();
    const other = await make(s, IP, { address: "10.200.0.1" });
    expect(other.network.id).toBe(big.id);

    // A smaller network created later takes the address over; deleting it hands it back.
    const small = await make(s, N, { address: "10.1.2.0/24" });
    expect((await s.get(`${IP}${ip.id}/`)).body.network.id).toBe(small.id);
    expect((await s.del(`${N}${small.id}/`)).status).toBe(204);
    expect((await s.get(`${IP}${ip.id}/`)).body.network.id).toBe(mid.id);

    // Moving the address re-derives its network; so does resizing a network.
    const moved = await s.patch(`${IP}${ip.id}/`, { address: "172.16.0.9" });
    expect(moved.body.network).toBeNull();
    await s.patch(`${N}${mid.id}/`, { address: "172.16.0.0/16" });
    expect((await s.get(`${IP}${ip.id}/`)).body.network.id).toBe(mid.id);
    expect((await s.get(`${IP}${outside.id}/`)).body.network.id).toBe(mid.id);

    // Networks of another environment do not claim the address.
    const env = await make(s, ENV, { name: "lab" });
    const labIp = await make(s, IP, { address: "10.1.2.3", network_environment: env.id });
    expect(labIp.network).toBeNull();
  });

  it("refuses a duplicate address within one environment (409), allows it in another", async () => {
    const env = await make(s, ENV, { name: "dup-env" });
    await make(s, IP, { address: "2001:db8::10", network_environment: env.id });
    const dup = await s.post(IP, { address: "2001:0db8:0::10", network_environment: env.id });
    expect(dup.status).toBe(409);
    expect(dup.body.detail).toMatch(/already exists/);
    const elsewhere = await s.post(IP, { address: "2001:db8::10" });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.address).toBe("2001:db8::10");
    const again = await s.post(IP, { address: "2001:db8::10" });
    expect(again.status).toBe(409);
  });

  it("filters with PostgreSQL network operators: parent, contains, contained, family", async () => {
    const env = await make(s, ENV, { name: "filters" });
    const e = `network_environment=${env.id}`;
    const n16 = await make(s, N, { address: "10.50.0.0/16", network_environment: env.id });
    const n24 = await make(s, N, { address: "10.50.1.0/24", network_environment: env.id });
    const v6 = await make(s, N, { address: "2001:db8:50::/48", network_environment: env.id });
    await make(s, IP, { address: "10.50.1.7", network_environment: env.id });
    await make(s, IP, { address: "10.50.9.9", network_environment: env.id });
    await make(s, IP, { address: "2001:db8:50::7", network_environment: env.id });

    const ids = (r: { body: { results: { id: number }[] } }) => r.body.results.map((x) => x.id);
    expect(ids(await s.get(`${N}?${e}&parent=10.50.0.0/16`))).toEqual([n24.id]);
    expect(ids(await s.get(`${N}?${e}&address__net_contains=10.50.1.9`))).toEqual([n16.id, n24.id]);
    expect(ids(await s.get(`${N}?${e}&address__net_contained_or_equal=10.0.0.0/8`))).toEqual([n16.id, n24.id]);
    expect(ids(await s.get(`${N}?${e}&family=6`))).toEqual([v6.id]);
    expect(ids(await s.get(`${N}?${e}&address__family=4`))).toEqual([n16.id, n24.id]);

    const addrs = async (q: string) =>
      (await s.get(`${IP}?${e}&${q}`)).body.results.map((x: { address: string }) => x.address);
    expect(await addrs("parent=10.50.1.0/24")).toEqual(["10.50.1.7"]);
    expect(await addrs("parent=10.50.0.0/16")).toEqual(["10.50.1.7", "10.50.9.9"]);
    expect(await addrs("address__net_contained=2001:db8::/32")).toEqual(["2001:db8:50::7"]);
    expect(await addrs("family=6")).toEqual(["2001:db8:50::7"]);
    expect(await addrs("address=10.50.9.9")).toEqual(["10.50.9.9"]);
    expect(await addrs(`network=${n24.id}`)).toEqual(["10.50.1.7"]);
    expect(await addrs("search=50.9")).toEqual(["10.50.9.9"]);
    expect(await addrs("ordering=-address")).toEqual(["2001:db8:50::7", "10.50.9.9", "10.50.1.7"]);

    const bad = await s.get(`${N}?parent=10.500.0.0/16`);
    expect(bad.status).toBe(400);
    expect(bad.body).toHaveProperty("parent");
    const badFamily = await s.get(`${IP}?family=5`);
    expect(badFamily.status).toBe(400);
    expect(badFamily.body).toHaveProperty("family");
  });

  it("validates addresses and networks with ipaddr.js, naming the field", async () => {
    const host = await s.post(N, { address: "192.168.0.1/24" });
    expect(host.status).toBe(400);
    expect(host.body.address[0]).toMatch(/host bits.*192\.168\.0\.0\/24/);
    const v6 = await s.post(N, { address: "2001:DB8:0:0::/64" });
    expect(v6.status).toBe(201);
    expect(v6.body.address).toBe("2001:db8::/64");
    const zone = await s.post(IP, { address: "fe80::1%eth0" });
    expect(zone.status).toBe(400);
    expect(zone.body).toHaveProperty("address");
  });

  it("lists and allocates free addresses, skipping used ones, the gateway and the network address", async () => {
    const env = await make(s, ENV, { name: "alloc" });
    const net = await make(s, N, { address: "10.60.0.0/29", gateway: "10.60.0.1", network_environment: env.id });
    await make(s, IP, { address: "10.60.0.3", network_environment: env.id });
    const free = await s.get(`${N}${net.id}/available-ips/?limit=3`);
    expect(free.status).toBe(200);
    expect(free.body).toEqual([
      { address: "10.60.0.2", family: 4 },
      { address: "10.60.0.4", family: 4 },
      { address: "10.60.0.5", family: 4 },
    ]);
    const all = await s.get(`${N}${net.id}/available-ips/`);
    expect(all.body.map((x: { address: string }) => x.address)).toEqual([
      "10.60.0.2",
      "10.60.0.4",
      "10.60.0.5",
      "10.60.0.6",
    ]);

    const got = await s.post(`${N}${net.id}/available-ips/`, { hostname: "alloc-1", status: "Reserved" });
    expect(got.status).toBe(201);
    expect(got.body).toMatchObject({ address: "10.60.0.2", hostname: "alloc-1", status: { value: "reserved" } });
    expect(got.body.network.id).toBe(net.id);
    expect(got.body.network_environment.id).toBe(env.id);
    for (const want of ["10.60.0.4", "10.60.0.5", "10.60.0.6"]) {
      expect((await s.post(`${N}${net.id}/available-ips/`, {})).body.address).toBe(want);
    }
    const full = await s.post(`${N}${net.id}/available-ips/`, {});
    expect(full.status).toBe(409);
    expect(full.body.detail).toMatch(/no free address/);
    expect((await s.get(`${N}${net.id}/available-ips/`)).body).toEqual([]);
    expect((await s.get(`${N}999999/available-ips/`)).status).toBe(404);
    const badBody = await s.post(`${N}${net.id}/available-ips/`, { address: "10.60.0.7" });
    expect(badBody.status).toBe(400);
  });

  it("walks IPv6 /64 networks lazily", async () => {
    const net = await make(s, N, { address: "2001:db8:60::/64" });
    const r = await s.get(`${N}${net.id}/available-ips/?limit=2`);
    expect(r.body).toEqual([
      { address: "2001:db8:60::1", family: 6 },
      { address: "2001:db8:60::2", family: 6 },
    ]);
  });

  it("never hands out one address twice under concurrent allocation", async () => {
    const env = await make(s, ENV, { name: "race" });
    const net = await make(s, N, { address: "10.70.0.0/24", network_environment: env.id });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => s.post(`${N}${net.id}/available-ips/`, { hostname: `r${i}` })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const addresses = results.map((r) => r.body.address as string);
    expect(new Set(addresses).size).toBe(20);
    const sorted = [...addresses].sort((a, b) => Number(a.split(".")[3]) - Number(b.split(".")[3]));
    expect(sorted).toEqual(Array.from({ length: 20 }, (_, i) => `10.70.0.${i + 1}`));
    const listed = await s.get(`${IP}?network=${net.id}&limit=100`);
    expect(listed.body.count).toBe(20);
  });
});
