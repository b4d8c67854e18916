import { type AnyResource, type RelationFieldDef, resources } from "@rackplane/contract";
import { openapiDocument } from "@rackplane/contract/openapi";
import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, userCaller } from "./callers";
import { dcimFixtures } from "./fixtures";
import { make, startServer, type TestServer } from "./harness";

/**
 * "Invisible is 404", tried from the other side: group blue's pool, its servers and
 * switches, their nodes, parts, jobs and change records, and visible objects of other
 * apps pointing at them. Group red's user walks every GET and OPTIONS operation of the
 * OpenAPI document and every relation that can point at a blue object (nested read,
 * count, filter by id and by attribute, ordering, search) and must find no trace of
 * them: no name, serial, asset tag, id in a nested object, or count. Then every write
 * path that can name a blue object is refused exactly as for an object that does not exist.
 */

/** Strings only blue's objects carry; any of them in a response to red is a leak. */
const MARK = "BLUESECRET";

const allResources = Object.values(resources).flatMap((app) => Object.values(app)) as AnyResource[];
const byKey = new Map(allResources.map((r) => [r.key, r]));
/** Resources whose rows a non-superuser may be refused (the access rules of the bindings). */
const RESTRICTED = [
  "pools.pools",
  "dcim.servers",
  "dcim.switches",
  "discovery.nodes",
  "assets.base-objects",
  "dcim.server-processors",
  "core.jobs",
  "core.object-changes",
];
const targetOf = (r: AnyResource, fd: RelationFieldDef) => (fd.target === "self" ? r.key : fd.target);
/** Every relation field in the contract that can point at a restricted resource. */
const relations = allResources.flatMap((r) =>
  Object.entries(r.fields)
    .filter(
      ([, fd]) => (fd.kind === "fk" || fd.kind === "m2m") && RESTRICTED.includes(targetOf(r, fd as RelationFieldDef)),
    )
    .map(([name, fd]) => ({ r, name, fd: fd as RelationFieldDef, target: targetOf(r, fd as RelationFieldDef) })),
);

describe("access: nothing of another group's objects leaks through any path", () => {
  let s: TestServer;
  let red: Caller;
  const blue = {} as Record<"pool" | "subPool" | "server" | "server2" | "switch" | "node", number>;
  const mine = {} as Record<"group" | "rack" | "pool" | "child" | "server" | "switch" | "ix" | "licence", number>;
  /** Visible objects (of other resources) created pointing at blue objects, by resource key. */
  const pointing: Record<string, number> = {};

  /** How to create a visible object of `resource` whose `field` points at `target` (id or attributes). */
  const referrers: Record<string, (ref: unknown) => Promise<unknown> | unknown> = {
    "virtual.virtual-servers.hypervisor": (ref) => ({ hostname: "vm-on-hidden", hypervisor: ref }),
    "virtual.cloud-hosts.hypervisor": (ref) => ({
      hostname: "cloud-on-hidden",
      cloud_provider: "os",
      host_id: `h-${Math.random()}`,
      hypervisor: ref,
    }),
    "peering.ixp-connections.router": (ref) => ({ internet_exchange: mine.ix, router: ref }),
    "assets.base-object-licences.base_object": (ref) => ({ licence: mine.licence, base_object: ref }),
    "services.supports.assets": (ref) => ({ name: "support", contract_id: "c", date_to: "2030-01-01", assets: [ref] }),
    "dcim.servers.resource_pool": (ref) => ({ name: "red-new", resource_pool: ref }),
    "dcim.switches.resource_pool": (ref) => ({ name: "red-new-sw", resource_pool: ref }),
    "pools.pools.parent": (ref) => ({ name: "red-child-new", group: mine.group, parent: ref }),
  };
  /** Blue object each restricted target resource is represented by, and the attribute `by` names match. */
  const blueOf = (target: string) =>
    ({
      "pools.pools": blue.pool,
      "dcim.servers": blue.server,
      "dcim.switches": blue.switch,
      "discovery.nodes": blue.node,
      "assets.base-objects": blue.server,
    })[target];

  beforeAll(async () => {
    s = await startServer();
    const db = s.database.db;
    const groupRed = await make(s, "/api/users/groups/", { name: "red" });
    const groupBlue = await make(s, "/api/users/groups/", { name: "blue" });
    mine.group = groupRed.id;
    red = (await userCaller(s, "ann", [groupRed.id])).caller;

    const { rack } = await dcimFixtures(s); // shared by both groups
    mine.rack = rack.id;
    blue.pool = (
      await make(s, "/api/pools/pools/", { name: `${MARK}-pool`, group: groupBlue.id, description: MARK })
    ).id;
    blue.subPool = (
      await make(s, "/api/pools/pools/", { name: `${MARK}-sub`, group: groupBlue.id, parent: blue.pool })
    ).id;
    mine.pool = (await make(s, "/api/pools/pools/", { name: "red-pool", group: groupRed.id })).id;
    // A red pool under blue's pool, and a blue sub-pool under red's: a visible pool's parent and sub-pool count.
    mine.child = (await make(s, "/api/pools/pools/", { name: "red-child", group: groupRed.id, parent: blue.pool })).id;
    await make(s, "/api/pools/pools/", { name: `${MARK}-under-red`, group: groupBlue.id, parent: mine.pool });
    const server = (name: string, pool: number, tag: string) =>
      make(s, "/api/dcim/servers/", {
        name,
        resource_pool: pool,
        rack: rack.id,
        serial_number: `SN-${tag}`,
        asset_tag: `AT-${tag}`,
        sku: tag,
      });
    blue.server = (await server(`${MARK}-srv`, blue.pool, `${MARK}1`)).id;
    blue.server2 = (await server(`${MARK}-srv2`, blue.pool, `${MARK}2`)).id;
    mine.server = (await server("red-srv", mine.pool, "RED1")).id;
    blue.switch = (await make(s, "/api/dcim/switches/", { name: `${MARK}-sw`, serial_number: `SN-${MARK}-SW` })).id;
    await s.post(`/api/pools/pools/${blue.pool}/assign_switches/`, { switches: [blue.switch] });
    mine.switch = (await make(s, "/api/dcim/switches/", { name: "red-sw" })).id;
    await s.post(`/api/pools/pools/${mine.pool}/assign_switches/`, { switches: [mine.switch] });
    // A discovery node, an inventory part and a job on blue's server (as discovery and jobs write them).
    const [node] = rowsOf<{ id: number }>(
      await db.execute(
        sql`INSERT INTO nodes (address, port, bmc_url, vendor, product, server_id)
            VALUES ('10.9.9.9', 443, ${`https://${MARK}.example/redfish/v1`}, 'v', ${MARK}, ${blue.server}) RETURNING id`,
      ),
    );
    blue.node = Number(node!.id);
    await db.execute(sql`INSERT INTO server_processors (server_id, name) VALUES (${blue.server}, ${`${MARK}-cpu`})`);
    await db.execute(
      sql`INSERT INTO jobs (kind, status, params, result, object_type, object_id)
          VALUES ('server.power', 'succeeded', ${JSON.stringify({ server: blue.server })}::jsonb,
                  ${JSON.stringify({ message: `${MARK} powered on` })}::jsonb, 'dcim.servers', ${blue.server})`,
    );
    mine.ix = (await make(s, "/api/peering/internet-exchanges/", { name: "IX", slug: "ix" })).id;
    const sw = await make(s, "/api/assets/software/", { name: "OS" });
    mine.licence = (await make(s, "/api/assets/licences/", { software: sw.id, niw: "NIW", number_bought: 100 })).id;
    // Visible objects of other apps pointing at blue's server (created by a superuser).
    for (const { r, name, fd, target } of relations) {
      if (!fd.write || r.key === "dcim.servers" || r.key === "dcim.switches" || r.key === "pools.pools") continue;
      const build = referrers[`${r.key}.${name}`];
      if (!build) throw new Error(`no fixture for ${r.key}.${name}: add one to this test`);
      pointing[r.key] = (await make(s, r.path, await build(blueOf(target)))).id;
    }
  });
  afterAll(() => s?.close());

  /** Every blue trace a response can hold: a marker string, or an object of blue's by id and URL. */
  function leaks(body: unknown): string[] {
    const found: string[] = [];
    const blueUrls = [
      `/pools/pools/${blue.pool}/`,
      `/pools/pools/${blue.subPool}/`,
      `/dcim/servers/${blue.server}/`,
      `/dcim/servers/${blue.server2}/`,
      `/dcim/switches/${blue.switch}/`,
      `/discovery/nodes/${blue.node}/`,
      `/assets/base-objects/${blue.server}/`,
      `/assets/base-objects/${blue.switch}/`,
    ];
    const walk = (v: unknown, path: string) => {
      if (typeof v === "string") {
        if (v.includes(MARK)) found.push(`${path}: ${v.slice(0, 80)}`);
        if (blueUrls.some((u) => v.endsWith(u))) found.push(`${path}: ${v}`);
      } else if (Array.isArray(v)) {
        for (const [i, x] of v.entries()) walk(x, `${path}[${i}]`);
      } else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    walk(body, "$");
    return found;
  }

  const doc = openapiDocument() as unknown as { paths: Record<string, Record<string, unknown>> };
  const paths = Object.keys(doc.paths);

  it("finds nothing of blue's in any GET or OPTIONS operation of the document", async () => {
    const problems: string[] = [];
    const visibleIds = new Map<string, number[]>(); // list path → ids red sees
    for (const p of paths.filter((p) => !p.includes("{"))) {
      if (!doc.paths[p]!.get || !p.startsWith("/api/") || p.includes("/schema")) continue;
      const r = await red.get(`${p}?limit=1000`);
      if (r.status >= 500) problems.push(`GET ${p} → ${r.status}`);
      for (const l of leaks(r.body)) problems.push(`GET ${p} ${l}`);
      const o = await red.request("OPTIONS", p);
      if (o.status >= 500) problems.push(`OPTIONS ${p} → ${o.status}`);
      for (const l of leaks(o.body)) problems.push(`OPTIONS ${p} ${l}`);
      // The scope is a condition in the same statements: a list stays a page and a count.
      if (r.status === 200 && Array.isArray(r.body?.results) && r.queries > 2)
        problems.push(`GET ${p} took ${r.queries} statements`);
      if (r.status === 200 && Array.isArray(r.body?.results))
        visibleIds.set(
          p,
          r.body.results.map((x: { id: number }) => x.id),
        );
    }
    const blueIds = Object.values(blue);
    for (const p of paths.filter((p) => p.includes("{id}"))) {
      const ops = doc.paths[p]!;
      const list = p.slice(0, p.indexOf("{id}"));
      const ids = [...(visibleIds.get(list) ?? []).slice(0, 5), ...blueIds];
      for (const id of ids) {
        const url = p.replace("{id}", String(id));
        if (ops.get) {
          const r = await red.get(url);
          if (r.status >= 500) problems.push(`GET ${url} → ${r.status}`);
          if (p.endsWith("/{id}/") && r.status === 200 && r.queries > 1)
            problems.push(`GET ${url} took ${r.queries} statements`);
          for (const l of leaks(r.body)) problems.push(`GET ${url} ${l}`);
          // A blue object is a 404 wherever it is the object asked for.
          if (blueIds.includes(id) && !(visibleIds.get(list) ?? []).includes(id) && r.status === 200)
            problems.push(`GET ${url} answered 200 for a hidden object`);
        }
        const o = await red.request("OPTIONS", url);
        for (const l of leaks(o.body)) problems.push(`OPTIONS ${url} ${l}`);
      }
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it("counts, filters, orders and searches only what red sees, through every relation", async () => {
    const rack = (await red.get(`/api/dcim/racks/${mine.rack}/`)).body;
    expect(rack.servers_count).toBe(1); // red-srv; blue's two are not counted
    const pool = (await red.get(`/api/pools/pools/${mine.pool}/`)).body;
    expect(pool.sub_pools_count).toBe(0);
    expect((await red.get(`/api/pools/pools/${mine.child}/`)).body.parent).toBeNull();
    const problems: string[] = [];
    for (const { r, name, fd, target } of relations) {
      const list = r.path;
      const id = blueOf(target);
      if (id === undefined) continue;
      const params = r.filterParams.filter((p) => p.field === name);
      for (const p of params) {
        const value = p.lookup === "isnull" ? undefined : p.by ? `${MARK}-srv` : String(id);
        if (value === undefined) continue;
        const res = await red.get(`${list}?${p.name}=${encodeURIComponent(value)}`);
        if (res.status !== 200) continue; // a filter that does not apply to this value
        const hits = res.body.count as number;
        if (p.lookup === "n" ? hits !== (await red.get(list)).body.count : hits !== 0)
          problems.push(`${list}?${p.name}=${value} matched ${hits}`);
      }
      if (fd.kind === "fk" && r.ordering?.includes(`${name}__name`)) {
        const res = await red.get(`${list}?ordering=${name}__name&limit=1000`);
        for (const l of leaks(res.body)) problems.push(`${list} ordering ${l}`);
      }
    }
    let searched = 0;
    for (const r of allResources.filter((r) => r.searchFields.length && "list" in r.routes)) {
      const res = await red.get(`${r.path}?search=${MARK}`);
      if (res.status === 403) continue; // an app red may not read at all
      if (res.status !== 200 || res.body.count !== 0)
        problems.push(`${r.path}?search= → ${res.status} ${res.body.count}`);
      searched++;
    }
    expect(problems).toEqual([]);
    expect(searched).toBeGreaterThan(20);
  });

  it("shows a visible object's reference to a hidden one as null, and keeps it when that object is written back", async () => {
    const vmUrl = `/api/virtual/virtual-servers/${pointing["virtual.virtual-servers"]}/`;
    const vm = (await red.get(vmUrl)).body;
    expect(vm.hypervisor).toBeNull();
    const { id: _id, url: _url, display: _d, created: _c, updated: _u, ...writable } = vm;
    // Written back as a client does: choices by value, related objects by id, the hidden one as the null it was shown.
    const back = Object.fromEntries(
      Object.entries(writable).map(([k, v]) => [
        k,
        v && typeof v === "object" && !Array.isArray(v)
          ? ((v as { value?: unknown; id?: unknown }).value ?? (v as { id?: unknown }).id)
          : v,
      ]),
    );
    const put = await red.put(vmUrl, { ...back, os: "edited by red" });
    expect(put.body).toMatchObject({ os: "edited by red" });
    expect(put.body.hypervisor).toBeNull();
    expect((await red.patch(vmUrl, { hypervisor: null })).status).toBe(200);
    expect((await s.get(vmUrl)).body.hypervisor.id).toBe(blue.server); // still there for who may see it
    const supUrl = `/api/services/supports/${pointing["services.supports"]}/`;
    expect((await red.get(supUrl)).body.assets).toEqual([]);
    expect((await red.patch(supUrl, { assets: [] })).status).toBe(200);
    expect((await s.get(supUrl)).body.assets.map((a: { id: number }) => a.id)).toEqual([blue.server]);
    // The change records of these writes are red's, but hold no blue data.
    const changes = await red.get(`/api/core/object-changes/?limit=1000`);
    expect(leaks(changes.body)).toEqual([]);
    expect(
      changes.body.results.some((c: { object_id: number }) => c.object_id === pointing["virtual.virtual-servers"]),
    ).toBe(true);
  });

  /** A refusal with the object's id or attributes in it replaced, for comparing with "no such object". */
  const shape = (body: unknown, ...names: (string | number)[]) => {
    let t = JSON.stringify(body);
    for (const n of names) t = t.split(String(n)).join("<ref>");
    return t;
  };
  const MISSING = 99_999_999;

  it("refuses every write that names a blue object exactly as one that does not exist", async () => {
    const problems: string[] = [];
    for (const { r, name, fd, target } of relations) {
      if (!fd.write) continue;
      const build = referrers[`${r.key}.${name}`];
      const id = blueOf(target);
      if (!build || id === undefined) continue;
      const list = r.path;
      const attempts: [unknown, unknown, (string | number)[]][] = [[id, MISSING, [id, MISSING]]];
      for (const by of fd.by) {
        const hiddenName = target === "pools.pools" ? `${MARK}-pool` : `${MARK}-srv`;
        attempts.push([{ [by]: hiddenName }, { [by]: "no-such-object" }, [hiddenName, "no-such-object"]]);
      }
      for (const [hidden, missing, names] of attempts) {
        const a = await red.post(list, await build(hidden));
        const b = await red.post(list, await build(missing));
        if (a.status !== 400 || shape(a.body, ...names) !== shape(b.body, ...names))
          problems.push(
            `POST ${list} ${name}=${JSON.stringify(hidden)} → ${a.status} ${JSON.stringify(a.body)} vs ${JSON.stringify(b.body)}`,
          );
      }
    }
    // Into blue's pool by PATCH; blue's switch, node and sub-pool by their own URLs.
    const intoBlue = await red.patch(`/api/dcim/servers/${mine.server}/`, { resource_pool: blue.pool });
    const intoNone = await red.patch(`/api/dcim/servers/${mine.server}/`, { resource_pool: MISSING });
    if (shape(intoBlue.body, blue.pool, MISSING) !== shape(intoNone.body, blue.pool, MISSING))
      problems.push("PATCH into blue pool");
    for (const [path, id] of [
      ["/api/dcim/switches/", blue.switch],
      ["/api/discovery/nodes/", blue.node],
      ["/api/pools/pools/", blue.subPool],
      ["/api/dcim/servers/", blue.server],
    ] as const) {
      for (const [method, body] of [
        ["PATCH", {}],
        ["DELETE", undefined],
      ] as const) {
        const a = await red.request(method, `${path}${id}/`, body);
        const b = await red.request(method, `${path}${MISSING}/`, body);
        if (a.status !== 404 || shape(a.body, id, MISSING) !== shape(b.body, id, MISSING))
          problems.push(`${method} ${path}${id}/ → ${a.status}`);
      }
    }
    const actions: [string, unknown, unknown, number][] = [
      [
        `/api/pools/pools/${mine.pool}/assign_switches/`,
        { switches: [blue.switch] },
        { switches: [MISSING] },
        blue.switch,
      ],
      [
        `/api/pools/pools/${mine.pool}/assign_servers/`,
        { servers: [blue.server] },
        { servers: [MISSING] },
        blue.server,
      ],
      [`/api/pools/pools/${mine.pool}/assign_servers/`, { nodes: [blue.node] }, { nodes: [MISSING] }, blue.node],
      [`/api/dcim/servers/remove_from_pool/`, { servers: [blue.server] }, { servers: [MISSING] }, blue.server],
      [`/api/discovery/nodes/${blue.node}/register/`, { auth_profile: 1 }, undefined, blue.node],
      [`/api/pools/pools/${blue.pool}/create_sub_pool/`, { name: "x" }, undefined, blue.pool],
    ];
    for (const [url, hidden, missing, id] of actions) {
      const a = await red.post(url, hidden);
      const b =
        missing === undefined
          ? await red.post(url.replace(String(id), String(MISSING)), hidden)
          : await red.post(url, missing);
      if (a.status >= 500 || a.status < 400 || shape(a.body, id, MISSING) !== shape(b.body, id, MISSING))
        problems.push(
          `POST ${url} ${JSON.stringify(hidden)} → ${a.status} ${JSON.stringify(a.body)} vs ${JSON.stringify(b.body)}`,
        );
    }
    expect(problems).toEqual([]);
    // Nothing moved: blue's objects are where they were.
    const srv = (await s.get(`/api/dcim/servers/${blue.server}/`)).body;
    expect(srv.resource_pool.id).toBe(blue.pool);
    expect(srv.sku).toBe(`${MARK}1`);
    expect((await s.get(`/api/dcim/switches/${blue.switch}/`)).body.resource_pool.id).toBe(blue.pool);
  });
});

/** Every restricted target named in this test exists in the contract (a rename fails here, not silently). */
it("names only resources of the contract", () => {
  for (const k of RESTRICTED) expect(byKey.has(k)).toBe(true);
});
