import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { make, startServer, type TestServer } from "./harness";

// Alpacon's documented behaviours (shared/seeds/002: token="…" credentials,
// several messages per field, Allow on every response of a resource URL).
let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => s?.close());

describe('Authorization: token="<key>"', () => {
  it('is a Token credential, as are Token <key> and Token key="<key>"', async () => {
    for (const header of [`token="${s.token}"`, `Token ${s.token}`, `Token "${s.token}"`, `Token key="${s.token}"`]) {
      const r = await s.as(header).get("/api/users/me/");
      expect(r.status, header).toBe(200);
      expect(r.body.auth_method).toBe("token");
    }
    const wrong = await s.as('token="0123456789abcdef0123456789abcdef01234567"').get("/api/users/me/");
    expect(wrong.status).toBe(401);
    expect((await s.as('token="alpat-xxxxxxxxxxxxxxxxxx"').get("/api/users/me/")).status).toBe(401);
  });
});

describe("password validation with Django's messages", () => {
  it("replays the document's example: too short, too common, entirely numeric — all at once", async () => {
    const u = await make(s, "/api/users/users/", { username: "pw.user", password: "Long-enough-9" });
    // "if you are changing a user's password … HTTP 400 Bad Request, Allow: GET, PUT, PATCH, DELETE, HEAD, OPTIONS"
    // (Alpacon's /api/iam/users/ is /api/users/users/ here.)
    const r = await s.patch(`/api/users/users/${u.id}/`, { password: "1234567" });
    expect(r.status).toBe(400);
    expect(r.headers.get("allow")).toBe("GET, PUT, PATCH, DELETE, HEAD, OPTIONS");
    expect(r.body).toEqual({
      password: [
        "This password is too short. It must contain at least 8 characters.",
        "This password is too common.",
        "This password is entirely numeric.",
      ],
    });
  });

  it("refuses a password too similar to the username, and accepts a good one", async () => {
    const r = await s.post("/api/users/users/", { username: "margaret", password: "margaret-7x" });
    expect(r.status).toBe(400);
    expect(r.body.password).toEqual(["The password is too similar to the username."]);
    expect((await s.post("/api/users/users/", { username: "joan", password: "password" })).body.password).toEqual([
      "This password is too common.",
    ]);
    const ok = await s.post("/api/users/users/", { username: "margaret", password: "Violet-Tractor-88" });
    expect(ok.status).toBe(201);
  });
});

describe("Allow on every response of a resource URL", () => {
  it("comes with 200, 201, 400, 404 and 405 alike", async () => {
    const list = await s.get("/api/dcim/regions/");
    expect(list.headers.get("allow")).toBe("GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS");
    const created = await s.post("/api/dcim/regions/", { name: "Allow-land", slug: "allow-land" });
    expect(created.status).toBe(201);
    expect(created.headers.get("allow")).toBe(list.headers.get("allow"));
    const bad = await s.post("/api/dcim/regions/", { name: "" });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("allow")).toBe(list.headers.get("allow"));
    const detail = await s.get(`/api/dcim/regions/${created.body.id}/`);
    expect(detail.headers.get("allow")).toBe("GET, PUT, PATCH, DELETE, HEAD, OPTIONS");
    const missing = await s.get("/api/dcim/regions/999999/");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("allow")).toBe("GET, PUT, PATCH, DELETE, HEAD, OPTIONS");
    const transitions = await s.request("DELETE", "/api/dcim/servers/1/transitions/");
    expect(transitions.status).toBe(405);
    expect(transitions.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });
});
