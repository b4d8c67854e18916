import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSER_ACCEPT, csrfOfPage, login, PASSWORD, raw } from "./browse-support";
import { make, startServer, type TestServer } from "./harness";

/**
 * The browsable API over HTTP: negotiation (JSON by default, HTML for browsers,
 * `Vary: Accept`), `indent=`, per-app roots, sign-in with a session cookie (flags,
 * CSRF, logout, expiry, same permissions as a token), escaping.
 */
describe("browsable API", () => {
  let s: TestServer;
  let serverId: number;
  beforeAll(async () => {
    // No token cache: an expired or deleted session must be refused on the very next request.
    s = await startServer({
      RACKPLANE_ADMIN_PASSWORD: PASSWORD,
      RACKPLANE_AUTH_CACHE_SECONDS: "0",
      RACKPLANE_SESSION_TTL: "900",
    });
    serverId = (await make(s, "/api/dcim/servers/", { name: "web-01", status: "in_use" })).id;
    await make(s, "/api/dcim/servers/", { name: "web-02" });
    await make(s, "/api/dcim/servers/", {
      name: "<script>alert(1)</script>",
      comments: '"><img src=x onerror=alert(2)>',
    });
  });
  afterAll(() => s?.close());
  const token = () => ({ authorization: `Token ${s.token}` });

  it("answers JSON by default and HTML to a browser, with Vary: Accept on both", async () => {
    for (const accept of [undefined, "*/*", "application/json", "application/json, text/html"]) {
      const r = await raw(s, "GET", "/api/dcim/servers/", { ...token(), ...(accept ? { accept } : {}) });
      expect(r.status, String(accept)).toBe(200);
      expect(r.headers.get("content-type")).toMatch(/^application\/json/);
      expect(r.headers.get("vary")).toMatch(/Accept/);
      expect(JSON.parse(r.text).count).toBe(3);
    }
    const html = await raw(s, "GET", "/api/dcim/servers/", { ...token(), accept: BROWSER_ACCEPT });
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html.headers.get("vary")).toMatch(/Accept/);
    const json = await raw(s, "GET", "/api/dcim/servers/", token());
    expect(html.headers.get("etag")).not.toBe(json.headers.get("etag")); // one ETag per representation
    expect(html.text).toContain("<h1>Servers</h1>");
    // ?format=json wins over the browser's Accept.
    const forced = await raw(s, "GET", "/api/dcim/servers/?format=json", { ...token(), accept: BROWSER_ACCEPT });
    expect(forced.headers.get("content-type")).toMatch(/^application\/json/);
    // Errors are negotiated too.
    const missing = await raw(s, "GET", "/api/dcim/servers/999999/", { ...token(), accept: BROWSER_ACCEPT });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toMatch(/^text\/html/);
    expect(missing.headers.get("vary")).toMatch(/Accept/);
    const missingJson = await raw(s, "GET", "/api/dcim/servers/999999/", token());
    expect(missingJson.headers.get("content-type")).toMatch(/^application\/json/);
    // A bad filter value: the 400 on a page, naming the parameter, with a way back.
    const bad = await raw(s, "GET", "/api/dcim/servers/?status=nope", { ...token(), accept: BROWSER_ACCEPT });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("&#34;status&#34;");
    expect(bad.text).toContain('<a href="/api/dcim/servers/">');
    // The OpenAPI document is negotiated (YAML or JSON) too.
    expect((await raw(s, "GET", "/api/schema/", token())).headers.get("vary")).toMatch(/Accept/);
  });

  it("pretty-prints for Accept: application/json; indent=4", async () => {
    const r = await raw(s, "GET", `/api/dcim/servers/${serverId}/`, {
      ...token(),
      accept: "application/json; indent=4",
    });
    expect(r.status).toBe(200);
    expect(r.text.startsWith('{\n    "id": ')).toBe(true);
    expect(JSON.parse(r.text).id).toBe(serverId);
    const plain = await raw(s, "GET", `/api/dcim/servers/${serverId}/`, { ...token(), accept: "application/json" });
    expect(plain.text.startsWith('{"id":')).toBe(true);
    const err = await raw(s, "GET", "/api/dcim/servers/?status=nope", {
      ...token(),
      accept: "application/json; indent=2",
    });
    expect(err.status).toBe(400);
    expect(err.text).toMatch(/^\{\n {2}"status"/);
  });

  it("serves per-app roots in JSON and HTML, and 404 for an unknown app", async () => {
    const r = await s.get("/api/dcim/");
    expect(r.status).toBe(200);
    expect(r.body.app).toBe("dcim");
    expect(r.body.endpoints.every((e: { app: string }) => e.app === "dcim")).toBe(true);
    expect(r.body.endpoints.map((e: { url: string }) => e.url)).toContain(`${s.baseUrl}/api/dcim/servers/`);
    expect((await s.get("/api/peering/")).body.endpoints.map((e: { resource: string }) => e.resource)).toContain(
      "autonomous-systems",
    );
    expect((await s.get("/api/nope/")).status).toBe(404);
    const html = await raw(s, "GET", "/api/dcim/", { ...token(), accept: BROWSER_ACCEPT });
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html.text).toContain(`href="${s.baseUrl}/api/dcim/servers/"`);
    expect(html.text).not.toContain("/api/ipam/networks/");
  });

  it("renders the index's Markdown backticks as code", async () => {
    const r = await raw(s, "GET", "/api/", { ...token(), accept: BROWSER_ACCEPT });
    expect(r.status).toBe(200);
    expect(r.text).toContain("<code>asn</code> is a 32-bit AS number");
    const cells = [...r.text.matchAll(/<td>([^<]*(?:<(?!\/td>)[^<]*)*)<\/td>/g)].map((m) => m[1]);
    expect(cells.length).toBeGreaterThan(50);
    expect(cells.filter((c) => c?.includes("`"))).toEqual([]);
  });

  it("sends a browser without credentials to the login page; a program gets 401", async () => {
    const r = await raw(s, "GET", "/api/", { accept: BROWSER_ACCEPT });
    expect(r.status).toBe(302);
    expect(r.headers.get("location")).toBe("/api/auth/login/?next=%2Fapi%2F");
    const deep = await raw(s, "GET", "/api/dcim/servers/?status=in_use", { accept: BROWSER_ACCEPT });
    expect(deep.headers.get("location")).toBe(
      `/api/auth/login/?next=${encodeURIComponent("/api/dcim/servers/?status=in_use")}`,
    );
    for (const accept of ["application/json", "*/*"]) {
      const program = await raw(s, "GET", "/api/", { accept });
      expect(program.status).toBe(401);
      expect(program.headers.get("www-authenticate")).toMatch(/Token/);
    }
    const page = await raw(s, "GET", "/api/auth/login/?next=%2Fapi%2Fdcim%2F", { accept: BROWSER_ACCEPT });
    expect(page.status).toBe(200);
    expect(page.text).toContain('name="next" value="/api/dcim/"');
  });

  it("signs in with a session cookie: HttpOnly, SameSite=Lax, Secure over TLS, the TTL as Max-Age", async () => {
    const bad = await login(s, "admin", "wrong password");
    expect(bad.status).toBe(400);
    expect(bad.setCookie).toBe("");
    expect(bad.text).toContain("Invalid username or password.");
    const r = await login(s, "admin");
    expect(r.status).toBe(303);
    expect(r.headers.get("location")).toBe("/api/dcim/");
    expect(r.setCookie).toMatch(/^rackplane_session=[0-9a-f]{40};/);
    expect(r.setCookie).toMatch(/; HttpOnly/);
    expect(r.setCookie).toMatch(/; SameSite=Lax/);
    expect(r.setCookie).toMatch(/; Path=\/api\//);
    expect(r.setCookie).toMatch(/Max-Age=900;/);
    expect(r.setCookie).not.toMatch(/Secure/);
    // Behind a TLS-terminating proxy on loopback (trusted): Secure.
    const tls = await login(s, "admin", PASSWORD, { "x-forwarded-proto": "https" });
    expect(tls.setCookie).toMatch(/; Secure/);
    // Only local redirects after signing in.
    const evil = await raw(
      s,
      "POST",
      "/api/auth/login/",
      { "content-type": "application/x-www-form-urlencoded" },
      new URLSearchParams({ username: "admin", password: PASSWORD, next: "//evil.example/" }).toString(),
    );
    expect(evil.headers.get("location")).toBe("/api/");

    const me = await raw(s, "GET", "/api/users/me/", { cookie: r.cookie, accept: "application/json" });
    expect(me.status).toBe(200);
    expect(JSON.parse(me.text)).toMatchObject({
      username: "admin",
      is_superuser: true,
      scopes: null,
      write_enabled: true,
    });
    const page = await raw(s, "GET", "/api/dcim/servers/", { cookie: r.cookie, accept: BROWSER_ACCEPT });
    expect(page.status).toBe(200);
    expect(page.text).toContain("admin");
    expect(csrfOfPage(page.text)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses unsafe methods without the session's CSRF token, and writes nothing", async () => {
    const { cookie } = await login(s, "admin");
    const page = await raw(s, "GET", "/api/dcim/servers/", { cookie, accept: BROWSER_ACCEPT });
    const csrf = csrfOfPage(page.text)!;
    const json = { cookie, accept: "application/json", "content-type": "application/json" };
    const body = JSON.stringify({ name: "csrf-01" });
    const wrong: Record<string, string>[] = [{}, { "x-csrftoken": "0".repeat(64) }, { "x-csrftoken": csrf.slice(1) }];
    for (const extra of wrong) {
      const r = await raw(s, "POST", "/api/dcim/servers/", { ...json, ...extra }, body);
      expect(r.status).toBe(403);
      expect(JSON.parse(r.text).detail).toMatch(/CSRF/);
    }
    expect((await s.get("/api/dcim/servers/?name=csrf-01")).body.count).toBe(0);
    const ok = await raw(s, "POST", "/api/dcim/servers/", { ...json, "x-csrftoken": csrf }, body);
    expect(ok.status).toBe(201);
    const del = await raw(s, "DELETE", `/api/dcim/servers/${JSON.parse(ok.text).id}/`, { cookie });
    expect(del.status).toBe(403);
    // A token caller needs no CSRF token (no cookie involved).
    expect((await s.del(`/api/dcim/servers/${JSON.parse(ok.text).id}/`)).status).toBe(204);
  });

  it("gives a session exactly its user's permissions", async () => {
    await make(s, "/api/users/users/", { username: "bob", password: PASSWORD, email: "bob@example.com" });
    const { cookie, status } = await login(s, "bob");
    expect(status).toBe(303);
    const page = await raw(s, "GET", "/api/dcim/servers/", { cookie, accept: BROWSER_ACCEPT });
    const csrf = csrfOfPage(page.text)!;
    const headers = { cookie, accept: "application/json", "content-type": "application/json", "x-csrftoken": csrf };
    const me = JSON.parse((await raw(s, "GET", "/api/users/me/", headers)).text);
    expect(me).toMatchObject({ username: "bob", is_superuser: false });
    // Users are superuser-only writes: refused for bob's session as for any token of bob's.
    const refused = await raw(s, "POST", "/api/users/users/", headers, JSON.stringify({ username: "mallory" }));
    expect(refused.status).toBe(403);
    // bob sees only his own tokens: his session's.
    const tokens = JSON.parse((await raw(s, "GET", "/api/users/tokens/", headers)).text);
    expect(tokens.results.map((t: { description: string }) => t.description)).toEqual(["Browser session"]);
  });

  it("logs out: the cookie is cleared and the session is dead", async () => {
    const { cookie } = await login(s, "admin");
    const csrf = csrfOfPage((await raw(s, "GET", "/api/", { cookie, accept: BROWSER_ACCEPT })).text)!;
    const form = { cookie, "content-type": "application/x-www-form-urlencoded" };
    const refused = await raw(s, "POST", "/api/auth/logout/", form, "csrf_token=nope");
    expect(refused.status).toBe(403);
    expect((await raw(s, "GET", "/api/users/me/", { cookie })).status).toBe(200);
    const out = await raw(s, "POST", "/api/auth/logout/", form, `csrf_token=${csrf}`);
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/api/auth/login/");
    expect(out.headers.get("set-cookie")).toMatch(/^rackplane_session=;.*Expires=Thu, 01 Jan 1970/);
    // A copy of the cookie no longer works anywhere.
    expect((await raw(s, "GET", "/api/users/me/", { cookie, accept: "application/json" })).status).toBe(401);
    const browser = await raw(s, "GET", "/api/dcim/", { cookie, accept: BROWSER_ACCEPT });
    expect(browser.status).toBe(302);
    expect(browser.headers.get("location")).toMatch(/^\/api\/auth\/login\//);
  });

  it("expires a session after its TTL", async () => {
    const before = Date.now();
    const { cookie } = await login(s, "admin");
    const key = cookie.split("=")[1]!;
    const rows = (await s.database.db.execute(
      `SELECT expires FROM tokens WHERE prefix = '${key.slice(0, 8)}'` as never,
    )) as unknown as { rows?: { expires: string }[] } & { expires: string }[];
    const expires = new Date((rows.rows ?? rows)[0]!.expires).getTime();
    expect(expires).toBeGreaterThanOrEqual(before + 899_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 901_000);
    expect((await raw(s, "GET", "/api/users/me/", { cookie })).status).toBe(200);
    await s.database.db.execute(
      `UPDATE tokens SET expires = now() - interval '1 second' WHERE prefix = '${key.slice(0, 8)}'` as never,
    );
    const r = await raw(s, "GET", "/api/users/me/", { cookie, accept: "application/json" });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.text).detail).toBe("Token expired.");
    expect((await raw(s, "GET", "/api/", { cookie, accept: BROWSER_ACCEPT })).status).toBe(302);
  });

  it("escapes everything it renders (no markup from data)", async () => {
    for (const path of ["/api/dcim/servers/", "/api/dcim/servers/?search=script"]) {
      const r = await raw(s, "GET", path, { ...token(), accept: BROWSER_ACCEPT });
      expect(r.status).toBe(200);
      expect(r.text).not.toContain("<script>alert");
      expect(r.text).not.toContain("<img src=x");
      expect(r.text).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    }
    const list = (await s.get("/api/dcim/servers/?name=%3Cscript%3Ealert(1)%3C/script%3E")).body;
    const detail = await raw(s, "GET", `/api/dcim/servers/${list.results[0].id}/`, {
      ...token(),
      accept: BROWSER_ACCEPT,
    });
    expect(detail.text).not.toContain("<img src=x");
    expect(detail.text).toContain("&#34;&#62;&#60;img src=x");
    // A filter value is echoed into the form escaped, too.
    const echoed = await raw(s, "GET", '/api/dcim/servers/?name="><b>x</b>', { ...token(), accept: BROWSER_ACCEPT });
    expect(echoed.text).not.toContain("<b>x</b>");
  });

  it("renders lists with filters, ordering, pagination and links, details with their forms", async () => {
    const r = await raw(s, "GET", "/api/dcim/servers/?limit=1&ordering=name", { ...token(), accept: BROWSER_ACCEPT });
    expect(r.text).toMatch(/<select name="status" id="q-status">.*<option value="in_use">/s);
    expect(r.text).toContain('<option value="-name">');
    expect(r.text).toContain('<option value="name" selected>');
    expect(r.text).toMatch(/<a rel="next" href="[^"]*limit=1[^"]*offset=1/);
    expect(r.text).toContain("3 results");
    expect(r.text).toMatch(/<code>Allow: GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS<\/code>/);
    expect(r.text).toMatch(/data-url="\/api\/dcim\/servers\/" data-after="follow"/);
    expect(r.text).toContain(`href="${s.baseUrl}/api/dcim/servers/`); // rows link to their pages
    const d = await raw(s, "GET", `/api/dcim/servers/${serverId}/`, { ...token(), accept: BROWSER_ACCEPT });
    expect(d.text).toContain('value="PATCH"');
    expect(d.text).toContain('value="PUT"');
    expect(d.text).toContain('value="DELETE"');
    expect(d.text).toContain(`data-url="/api/dcim/servers/${serverId}/transitions/`);
    expect(d.text).toMatch(/<option value="in_use" selected>/); // the edit form holds the current values
    // A write alias (a forwarding's `url`) is the same value as its field: one input, for the field.
    const fw = await raw(s, "GET", "/api/core/event-forwardings/", { ...token(), accept: BROWSER_ACCEPT });
    expect(fw.text).toContain('name="payload_url"');
    expect(fw.text).not.toContain('name="url"');
  });
});
