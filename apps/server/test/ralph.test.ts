import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { make, startServer, type TestServer } from "./harness";

// Ralph's documented behaviours (shared/seeds/000: token auth, text values for
// choice fields, the transitions API).
let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => s?.close());

describe("POST /api/api-token-auth/ (Ralph: each user has an auto-generated personal token)", () => {
  it("creates the personal token on first use and returns the same key afterwards", async () => {
    const user = await make(s, "/api/users/users/", { username: "ralph.ops", password: "Datacenter-Walk-42" });
    const anon = s.as(null);
    const first = await anon.post("/api/api-token-auth/", { username: "ralph.ops", password: "Datacenter-Walk-42" });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.token).toMatch(/^[0-9a-f]{40}$/);
    const again = await anon.post("/api/api-token-auth/", { username: "ralph.ops", password: "Datacenter-Walk-42" });
    expect(again.body.token).toBe(first.body.token);

    // "Authorization: Token <token>", as the document continues.
    const me = await s.as(`Token ${first.body.token}`).get("/api/users/me/");
    expect(me.status).toBe(200);
    expect(me.body.username).toBe("ralph.ops");
    const tokens = await s.get(`/api/users/tokens/?user=${user.id}`);
    expect(tokens.body.count).toBe(1);
    expect(tokens.body.results[0].description).toBe("Personal token");
    expect(JSON.stringify(tokens.body)).not.toContain(first.body.token);

    // Revoked: the next sign-in makes a new one; the old key is dead.
    expect((await s.del(`/api/users/tokens/${tokens.body.results[0].id}/`)).status).toBe(204);
    const fresh = await anon.post("/api/api-token-auth/", { username: "ralph.ops", password: "Datacenter-Walk-42" });
    expect(fresh.body.token).toMatch(/^[0-9a-f]{40}$/);
    expect(fresh.body.token).not.toBe(first.body.token);
    expect((await s.as(`Token ${first.body.token}`).get("/api/users/me/")).status).toBe(401);
    expect((await s.as(`Token ${fresh.body.token}`).get("/api/users/me/")).status).toBe(200);
  });

  it("answers wrong credentials and malformed bodies with a 400, never a token", async () => {
    const anon = s.as(null);
    const wrong = await anon.post("/api/api-token-auth/", { username: "ralph.ops", password: "nope" });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({ non_field_errors: ["Unable to log in with provided credentials."] });
    const nobody = await anon.post("/api/api-token-auth/", { username: "ghost", password: "Datacenter-Walk-42" });
    expect(nobody.status).toBe(400);
    const missing = await anon.post("/api/api-token-auth/", { username: "ralph.ops" });
    expect(missing.status).toBe(400);
    expect(missing.body.password).toBeDefined();
  });
});

describe("choice fields take values and labels in any case (Ralph: text values for choice fields)", () => {
  it("accepts 'in use', 'In use', 'IN_USE' on writes and filters", async () => {
    const a = await s.post("/api/dcim/servers/", { name: "choice-a", status: "in use" });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body.status).toEqual({ value: "in_use", label: "In use" });
    const b = await s.post("/api/dcim/servers/", { name: "choice-b", status: "IN_USE", power_state: "oN" });
    expect(b.status).toBe(201);
    expect(b.body.status.value).toBe("in_use");
    expect(b.body.power_state.value).toBe("on");
    const patched = await s.patch(`/api/dcim/servers/${b.body.id}/`, { power_state: "OFF" });
    expect(patched.body.power_state.value).toBe("off");
    for (const q of ["in%20use", "In%20use", "IN_USE"]) {
      const r = await s.get(`/api/dcim/servers/?status=${q}&name__startswith=choice-`);
      expect(r.status).toBe(200);
      expect(r.body.count, q).toBe(2);
    }
    const bad = await s.post("/api/dcim/servers/", { name: "choice-c", status: "in-use" });
    expect(bad.status).toBe(400);
    expect(bad.body.status[0]).toMatch(/Must be one of: new, in_use/);
  });
});

describe("transitions", () => {
  it("OPTIONS on one transition describes that transition and its typed parameters", async () => {
    const srv = await make(s, "/api/dcim/servers/", { name: "tr-options" });
    const r = await s.request("OPTIONS", `/api/dcim/servers/${srv.id}/transitions/install/`);
    expect(r.status).toBe(200);
    expect(r.body.transition).toBe("install");
    expect(r.body.name).toBe("Put in use");
    expect(r.body.target).toBe("in_use");
    expect(r.body.source).toContain("new");
    expect(r.body.actions.POST).toEqual({
      reason: { type: "string", required: false, nullable: false, label: "reason", max_length: 500 },
    });
    expect(r.body).not.toHaveProperty("transitions"); // not every transition, only this one
    expect(r.headers.get("allow")).toBe("POST, OPTIONS");
  });

  it("stores a transition's reason in the change record and the object's transition history", async () => {
    const srv = await make(s, "/api/dcim/servers/", { name: "tr-history" });
    const run = await s.post(`/api/dcim/servers/${srv.id}/transitions/install/`, { reason: "racked in A01" });
    expect(run.status).toBe(200);
    expect(run.body.status.value).toBe("in_use");
    const damage = await s.post(`/api/dcim/servers/${srv.id}/transitions/report_damage/`, {});
    expect(damage.status).toBe(200);

    const changes = await s.get(`/api/core/object-changes/?object_type=dcim.servers&object_id=${srv.id}&action=update`);
    expect(changes.body.results.map((c: { transition: unknown }) => c.transition)).toEqual([
      { name: "report_damage", source: "in_use", target: "damaged", params: {} },
      { name: "install", source: "new", target: "in_use", params: { reason: "racked in A01" } },
    ]);

    const h = await s.get(`/api/dcim/servers/${srv.id}/transitions/history/`);
    expect(h.status).toBe(200);
    expect(h.body.count).toBe(2);
    expect(h.body.results.map((r: Record<string, unknown>) => [r.transition, r.source, r.target, r.reason])).toEqual([
      ["install", "new", "in_use", "racked in A01"],
      ["report_damage", "in_use", "damaged", ""],
    ]);
    expect(h.body.results[0].user).toBe("admin");
    expect(h.body.results[0].request_id).toBe(run.headers.get("x-request-id"));
    expect((await s.get("/api/dcim/servers/999999/transitions/history/")).status).toBe(404);
  });

  it("a plain PATCH/PUT of status goes through the workflow: a declared transition is run, any other change is a 400", async () => {
    const srv = await make(s, "/api/dcim/servers/", { name: "tr-patch" });
    const skip = await s.patch(`/api/dcim/servers/${srv.id}/`, { status: "liquidated" });
    expect(skip.status).toBe(400);
    expect(skip.body.status[0]).toContain(`No transition leads from "new" to "liquidated"`);
    expect(skip.body.status[0]).toContain(`/api/dcim/servers/${srv.id}/transitions/`);
    expect((await s.get(`/api/dcim/servers/${srv.id}/`)).body.status.value).toBe("new");

    // new → reserved is the `reserve` transition: accepted and recorded as it.
    const ok = await s.patch(`/api/dcim/servers/${srv.id}/`, { status: "Reserved" });
    expect(ok.status).toBe(200);
    const h = await s.get(`/api/dcim/servers/${srv.id}/transitions/history/`);
    expect(h.body.results.map((r: { transition: string }) => r.transition)).toEqual(["reserve"]);

    // PUT echoing the current status is no transition; a bulk PATCH names the item.
    const put = await s.put(`/api/dcim/servers/${srv.id}/`, { name: "tr-patch", status: "reserved" });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    // PUT omitting status keeps it: the create default is not a state to return to.
    const bare = await s.put(`/api/dcim/servers/${srv.id}/`, { name: "tr-patch" });
    expect(bare.status, JSON.stringify(bare.body)).toBe(200);
    expect(bare.body.status.value).toBe("reserved");
    const other = await make(s, "/api/dcim/servers/", { name: "tr-patch-2" });
    const bulk = await s.patch("/api/dcim/servers/", [
      { id: srv.id, name: "tr-patch" },
      { id: other.id, status: "in_repair" },
    ]);
    expect(bulk.status).toBe(400);
    expect(bulk.body[0]).toEqual({});
    expect(bulk.body[1].status[0]).toContain(`No transition leads from "new" to "in_repair"`);
  });
});
