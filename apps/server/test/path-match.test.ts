import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { contract } from "@rackplane/contract";
import express from "express";
import { describe, expect, it } from "vitest";
import { pathMatcher } from "../src/http/path-match";
import { flattenRoutes, routeTable } from "../src/http/route-table";

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

describe("path matcher against the Express router it replaced", () => {
  it("picks the route Express picks for every contract path, parameters included", async () => {
    // The server's own table, as routing and the pre-routing checks use it.
    const table = routeTable(flattenRoutes(contract));
    const groups = table.groups.map((g) => g.path);
    const match = (path: string) => {
      const found = table.match(path);
      return found && { value: found.value.path, params: found.params };
    };
    // The reference: Express's own router, one strict route per path in mount order (as before).
    const app = express();
    app.set("strict routing", true);
    const router = express.Router({ strict: true });
    for (const p of groups) router.all(p, (req, res) => res.json({ path: p, params: req.params }));
    app.use(router);
    app.use((_req, res) => res.status(404).json({ path: null }));
    const server = createServer(app);
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const samples = groups.flatMap((p) => [
        p.replace(/:\w+/g, "17"),
        p.replace(/:\w+/g, "Ab%20c").toUpperCase(),
        p.replace(/:\w+/g, "remove_from_pool"),
        p.replace(/\/$/, ""),
      ]);
      expect(samples.length).toBeGreaterThan(400);
      for (const path of samples) {
        const reference = (await (await fetch(base + path)).json()) as { path: string | null; params?: object };
        const found = match(path);
        expect([path, found?.value ?? null, found?.params ?? undefined]).toEqual([
          path,
          reference.path,
          reference.path === null ? undefined : reference.params,
        ]);
      }
    } finally {
      await new Promise((ok) => server.close(ok));
    }
  });
});
