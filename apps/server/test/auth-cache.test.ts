import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { make, startServer, type TestServer } from "./harness";

/**
 * Token lookups are cached per process for RACKPLANE_AUTH_CACHE_SECONDS (so a
 * request storm costs no identity statement per request), yet every identity
 * write through the API takes effect on the very next request.
 */
describe.each([
  { seconds: "1", cached: true },
  { seconds: "0", cached: false },
])("token lookup cache (RACKPLANE_AUTH_CACHE_SECONDS=$seconds)", ({ seconds, cached }) => {
  let s: TestServer;
  let user: { id: number };
  const newToken = async () =>
    (await s.post("/api/users/tokens/", { user: user.id })).body as { id: number; key: string };

  beforeAll(async () => {
    s = await startServer({ RACKPLANE_AUTH_CACHE_SECONDS: seconds });
    user = await make(s, "/api/users/users/", { username: "cache-user" });
  });
  afterAll(async () => s?.close());

  it("a token deleted through the API is refused on the next request", async () => {
    const t = await newToken();
    expect((await s.as(`Token ${t.key}`).get("/api/dcim/regions/")).status).toBe(200);
    expect((await s.del(`/api/users/tokens/${t.id}/`)).status).toBe(204);
    expect((await s.as(`Token ${t.key}`).get("/api/dcim/regions/")).status).toBe(401);
  });

  it("deactivating the user and changing groups through the API apply at once", async () => {
    const t = await newToken();
    const me = () => s.as(`Token ${t.key}`).get("/api/users/me/");
    expect((await me()).body.groups).toEqual([]);
    const g = await make(s, "/api/users/groups/", { name: `g-${seconds}` });
    expect((await s.patch(`/api/users/users/${user.id}/`, { groups: [g.id] })).status).toBe(200);
    expect((await me()).body.groups).toEqual([g.name]);
    expect((await s.patch(`/api/users/users/${user.id}/`, { is_active: false })).status).toBe(200);
    expect((await me()).status).toBe(401);
    expect((await s.patch(`/api/users/users/${user.id}/`, { is_active: true })).status).toBe(200);
    expect((await me()).status).toBe(200);
  });

  it(
    cached
      ? "a token removed behind the process's back (another replica, the CLI) is reused at most for the TTL"
      : "without the cache, a token removed behind the process's back is refused at once",
    async () => {
      const t = await newToken();
      const get = () => s.as(`Token ${t.key}`).get("/api/dcim/regions/");
      expect((await get()).status).toBe(200);
      await s.database.db.execute(sql`DELETE FROM tokens WHERE id = ${t.id}`);
      expect((await get()).status).toBe(cached ? 200 : 401);
      await new Promise((r) => setTimeout(r, 1100));
      expect((await get()).status).toBe(401);
    },
  );
});
