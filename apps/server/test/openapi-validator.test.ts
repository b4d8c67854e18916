import { describe, expect, it } from "vitest";
import { OpenApiResponseValidator } from "./openapi-validator";

/** The harness's OpenAPI check must be able to fail: feed it responses that break the document. */
const v = new OpenApiResponseValidator();
const headers = (extra: Record<string, string> = {}) =>
  new Headers({
    "content-type": "application/json; charset=utf-8",
    "x-request-id": "8dda09b4-6e7e-45e5-bff9-55a52e9e049f",
    "api-version": "1",
    ...extra,
  });
const page = { count: 0, next: null, previous: null, results: [] };

describe("OpenAPI response validator", () => {
  it("accepts documented responses", () => {
    expect(
      v.problems({
        method: "GET",
        path: "/api/dcim/servers/?limit=1",
        status: 200,
        headers: headers(),
        text: JSON.stringify(page),
      }),
    ).toEqual([]);
    expect(
      v.problems({
        method: "GET",
        path: "/api/nowhere/",
        status: 404,
        headers: headers(),
        text: '{"detail":"Not found."}',
      }),
    ).toEqual([]);
    expect(
      v.problems({ method: "GET", path: "/api/schema/", status: 200, headers: headers(), text: "openapi: 3.1.0" }),
    ).toEqual([]);
  });

  it("checks a POST to a list against create or bulk create (`#bulk`), whichever the body fits", () => {
    const server = { id: 1, url: "http://x/api/dcim/servers/1/", display: "web-01", name: "web-01" };
    const post = (status: number, body: unknown) =>
      v.problems({
        method: "POST",
        path: "/api/dcim/servers/",
        status,
        headers: headers(),
        text: JSON.stringify(body),
      });
    expect(post(201, server)).toEqual([]);
    expect(post(201, [server, { ...server, id: 2 }])).toEqual([]);
    expect(post(400, { name: ["This field is required."] })).toEqual([]);
    expect(post(400, [{}, { name: ["This field is required."] }])).toEqual([]);
    expect(post(201, [{ ...server, id: "one" }]).join()).toMatch(/must be integer/);
    expect(post(201, { display: "no id" }).join()).toMatch(/must have required property 'id'/);
  });

  it("accepts OPTIONS on any documented path (not an operation) only with Allow and the metadata", () => {
    const options = (extra: Record<string, string>, body: unknown) =>
      v.problems({
        method: "OPTIONS",
        path: "/api/dcim/servers/",
        status: 200,
        headers: headers(extra),
        text: JSON.stringify(body),
      });
    const meta = { name: "Servers", description: "…", methods: ["GET", "POST"] };
    expect(options({ allow: "GET, POST, OPTIONS" }, meta)).toEqual([]);
    expect(options({}, meta).join()).toMatch(/without Allow/);
    expect(options({ allow: "GET" }, { name: "x" }).join()).toMatch(/lacks description/);
  });

  it("refuses a body that breaks the schema", () => {
    const bad = { ...page, count: "zero" };
    const p = v.problems({
      method: "GET",
      path: "/api/dcim/servers/",
      status: 200,
      headers: headers(),
      text: JSON.stringify(bad),
    });
    expect(p.join()).toMatch(/body\/count must be integer/);
    expect(() =>
      v.check({
        method: "GET",
        path: "/api/dcim/servers/",
        status: 200,
        headers: headers(),
        text: JSON.stringify(bad),
      }),
    ).toThrow(/breaks the OpenAPI document/);
  });

  it("refuses undocumented statuses, methods, headers and media types", () => {
    expect(
      v.problems({ method: "GET", path: "/api/dcim/servers/", status: 418, headers: headers(), text: "{}" }),
    ).toEqual(["status 418 is not documented for dcim_servers_list"]);
    expect(
      v.problems({ method: "TRACE", path: "/api/dcim/servers/", status: 200, headers: headers(), text: "{}" }).join(),
    ).toMatch(/only 405/);
    const noId = headers();
    noId.delete("x-request-id");
    expect(
      v.problems({ method: "GET", path: "/api/dcim/servers/", status: 200, headers: noId, text: JSON.stringify(page) }),
    ).toEqual(["header X-Request-ID missing"]);
    expect(
      v
        .problems({
          method: "GET",
          path: "/api/dcim/servers/",
          status: 200,
          headers: headers({ "content-type": "text/plain" }),
          text: "hi",
        })
        .join(),
    ).toMatch(/content-type "text\/plain" is not documented/);
    expect(
      v
        .problems({ method: "DELETE", path: "/api/dcim/servers/1/", status: 204, headers: headers(), text: "{}" })
        .join(),
    ).toMatch(/without a body/);
  });

  it("checks 405 against the documented shape with Allow", () => {
    const ok = v.problems({
      method: "TRACE",
      path: "/api/status/",
      status: 405,
      headers: headers({ allow: "GET, HEAD, OPTIONS" }),
      text: '{"detail":"no"}',
    });
    expect(ok).toEqual([]);
    const noAllow = v.problems({
      method: "TRACE",
      path: "/api/status/",
      status: 405,
      headers: headers(),
      text: '{"detail":"no"}',
    });
    expect(noAllow).toEqual(["header Allow missing"]);
  });
});
