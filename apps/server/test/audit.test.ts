import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { make, startServer, type TestServer } from "./harness";

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => s?.close());

const withId = (method: string, path: string, body: unknown) => {
  const id = randomUUID();
  return s.request(method, path, body, { "x-request-id": id }).then((r) => ({ ...r, id }));
};
const changes = (query: string) => s.get(`/api/core/object-changes/?${query}`);
const regions = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => ({ name: `${prefix} ${i}`, slug: `${prefix}-${i}` }));

describe("change log", () => {
  it("records every object of a bulk create, with user and request id, in one statement", async () => {
    // Tags have no many-to-many fields, so the statement count of a bulk create is
    // flat; the change log must keep it so (one multi-row INSERT, not one per object).
    const tags = (n: number, p: string) =>
      Array.from({ length: n }, (_, i) => ({ name: `${p}${i}`, slug: `${p}${i}` }));
    const two = await withId("POST", "/api/core/tags/", tags(2, "two"));
    const fifty = await withId("POST", "/api/core/tags/", tags(50, "fifty"));
    expect(fifty.status).toBe(201);
    expect(fifty.queries).toBe(two.queries);
    expect((await changes(`request_id=${fifty.id}`)).body.count).toBe(50);
    const big = await withId("POST", "/api/dcim/regions/", regions(40, "big"));
    expect(big.status).toBe(201);
    const log = await changes(`request_id=${big.id}&limit=100`);
    expect(log.body.count).toBe(40);
    const first = log.body.results.find((c: { object_id: number }) => c.object_id === big.body[0].id);
    expect(first).toMatchObject({
      action: { value: "create" },
      object_type: "dcim.regions",
      object_repr: "big 0",
      user_name: "admin",
      request_id: big.id,
      prechange_data: null,
    });
    expect(first.user.display).toBe("admin");
    expect(first.postchange_data).toMatchObject({ name: "big 0", slug: "big-0" });
    const made = await s.get(`/api/dcim/regions/?created_by_request=${big.id}&limit=100`);
    expect(made.body.count).toBe(40);
  });

  it("writes nothing for a failed (rolled back) request", async () => {
    const items = [...regions(2, "fail"), { name: "", slug: "x" }];
    const r = await withId("POST", "/api/dcim/regions/", items);
    expect(r.status).toBe(400);
    expect((await changes(`request_id=${r.id}`)).body.count).toBe(0);
    expect((await s.get("/api/dcim/regions/?name=fail 0")).body.count).toBe(0);
  });

  it("keeps pre- and post-change data of updates, transitions and deletes", async () => {
    const region = await make(s, "/api/dcim/regions/", { name: "Old", slug: "old" });
    const up = await withId("PATCH", `/api/dcim/regions/${region.id}/`, { name: "New" });
    expect(up.status).toBe(200);
    const [u] = (await changes(`request_id=${up.id}`)).body.results;
    expect(u.action.value).toBe("update");
    expect(u.prechange_data.name).toBe("Old");
    expect(u.postchange_data.name).toBe("New");
    expect((await s.get(`/api/dcim/regions/?updated_by_request=${up.id}`)).body.results[0].id).toBe(region.id);
    expect((await s.get(`/api/dcim/regions/?created_by_request=${up.id}`)).body.count).toBe(0);

    const server = await make(s, "/api/dcim/servers/", { name: "srv-audit" });
    const tr = await withId("POST", `/api/dcim/servers/${server.id}/transitions/install/`, undefined);
    expect(tr.status).toBe(200);
    const [t] = (await changes(`request_id=${tr.id}`)).body.results;
    expect(t.prechange_data.status.value).toBe("new");
    expect(t.postchange_data.status.value).toBe("in_use");

    const del = await withId("DELETE", "/api/dcim/regions/", [{ id: region.id }]);
    expect(del.status).toBe(204);
    const [d] = (await changes(`request_id=${del.id}`)).body.results;
    expect(d).toMatchObject({ action: { value: "delete" }, object_id: region.id, postchange_data: null });
    expect(d.prechange_data.name).toBe("New");
  });

  it("filters by user, object type, action and time; is read-only", async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const all = await changes("limit=1000");
    expect(all.body.count).toBeGreaterThan(90);
    const deletes = await changes("action=delete");
    expect(deletes.body.results.every((c: { action: { value: string } }) => c.action.value === "delete")).toBe(true);
    expect((await changes("object_type=dcim.servers")).body.count).toBe(2);
    expect((await changes("user__username=admin")).body.count).toBe(all.body.count);
    expect((await changes("user__username=nobody")).body.count).toBe(0);
    expect((await changes(`time__gte=${encodeURIComponent(since)}`)).body.count).toBe(all.body.count);
    expect((await changes("time__lt=2000-01-01T00:00:00Z")).body.count).toBe(0);
    expect((await changes("actionn=delete")).status).toBe(400);
    expect((await s.post("/api/core/object-changes/", {})).status).toBe(405);
  });
});
