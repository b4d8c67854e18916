import { describe, expect, it } from "vitest";
import { pathMatcher } from "../src/http/path-match";

// The router's path lookup, by the rules of the Express router it replaced (strict routing).
describe("path matcher", () => {
  const match = pathMatcher<string>([
    ["/api/dcim/servers/", "list"],
    ["/api/dcim/servers/remove_from_pool/", "static action"],
    ["/api/dcim/servers/:id/", "detail"],
    ["/api/dcim/servers/:id/power/", "action"],
    ["/api/:app/", "app root"],
    ["/api/status/", "status"],
  ]);

  it("finds static and parameter paths, with their decoded parameters", () => {
    expect(match("/api/dcim/servers/")).toEqual({ value: "list", params: {} });
    expect(match("/api/dcim/servers/12/")).toEqual({ value: "detail", params: { id: "12" } });
    expect(match("/api/dcim/servers/12/power/")).toEqual({ value: "action", params: { id: "12" } });
    expect(match("/api/dcim/servers/a%20b%2Fc/")).toEqual({ value: "detail", params: { id: "a b/c" } });
  });

  it("takes the first pattern in mount order when several match", () => {
    expect(match("/api/dcim/servers/remove_from_pool/")?.value).toBe("static action");
    // `/api/:app/` was mounted before `/api/status/`: it wins, as in Express.
    expect(match("/api/status/")).toEqual({ value: "app root", params: { app: "status" } });
  });

  it("compares static segments case-insensitively and keeps a parameter's case", () => {
    expect(match("/API/DCIM/Servers/AbC/")).toEqual({ value: "detail", params: { id: "AbC" } });
  });

  it("is strict about the trailing slash and never matches an empty parameter", () => {
    expect(match("/api/dcim/servers")).toBeUndefined();
    expect(match("/api/dcim/servers/12")).toBeUndefined();
    expect(match("/api/dcim/servers//")).toBeUndefined();
    expect(match("/api/dcim/servers/12/power/x/")).toBeUndefined();
    expect(match("/")).toBeUndefined();
  });

  it("throws a URIError for a parameter that is not valid percent-encoding", () => {
    expect(() => match("/api/dcim/servers/%E0%A4%A/")).toThrow(URIError);
  });
});
