import createClient from "openapi-fetch";
import type { components, paths } from "../generated/api";

/**
 * The client scenario on types generated from the OpenAPI document alone (no import from
 * our contract or SDK): if the document lost a type, this file stops compiling.
 */
type ServerCreate = components["schemas"]["ServerCreate"];

export async function scenario(baseUrl: string, token: string, log: (m: string) => void = () => {}) {
  const check = (cond: boolean, what: string) => {
    if (!cond) throw new Error(`FAILED: ${what}`);
    log(`ok - ${what}`);
  };
  const run = Math.random().toString(16).slice(2, 10);
  const api = createClient<paths>({ baseUrl, headers: { Authorization: `Token ${token}` } });

  const me = await api.GET("/whoami");
  check(me.response.status === 200, "Token auth: whoami is 200");

  const region = await api.POST("/api/dcim/regions/", { body: { name: `Region ${run}`, slug: `region-${run}` } });
  check(region.response.status === 201 && !Array.isArray(region.data), "create region");
  const regionId = (region.data as components["schemas"]["Region"]).id;
  const dc = await api.POST("/api/dcim/data-centers/", {
    body: { name: `DC ${run}`, slug: `dc-${run}`, region: regionId },
  });
  const dcId = (dc.data as components["schemas"]["DataCenter"]).id;
  check(dc.response.status === 201, "create data center");
  const room = await api.POST("/api/dcim/server-rooms/", { body: { name: `Room ${run}`, data_center: dcId } });
  const roomId = (room.data as components["schemas"]["ServerRoom"]).id;
  check(room.response.status === 201, "create server room");
  const rack = await api.POST("/api/dcim/racks/", { body: { name: `R-${run}`, server_room: roomId, u_height: 42 } });
  const rackId = (rack.data as components["schemas"]["Rack"]).id;
  check(rack.response.status === 201, "create rack");

  // Bulk create: its own operation, documented at the list URL plus the `#bulk` fragment
  // (never sent: fetch drops it), so the array goes to `/api/dcim/servers/`.
  const bulk: ServerCreate[] = Array.from({ length: 12 }, (_, i) => ({
    name: `ts-${run}-${String(i).padStart(2, "0")}`,
    rack: { name: `R-${run}` },
    position: i + 1,
    status: "new",
  }));
  const created = await api.POST("/api/dcim/servers/#bulk", { body: bulk });
  const servers = created.data ?? [];
  check(created.response.status === 201 && servers.length === 12, "bulk create 12 servers");
  check(
    servers.every((s) => s.rack?.id === rackId),
    "FK by attributes resolved to the rack",
  );

  const page = await api.GET("/api/dcim/servers/", {
    params: { query: { rack: [rackId], limit: 5, offset: 10, ordering: ["name"], status: ["new"] } },
  });
  check(page.data?.count === 12, "list: filter by rack and status");
  check(
    JSON.stringify(page.data?.results.map((s) => s.name)) === JSON.stringify([`ts-${run}-10`, `ts-${run}-11`]),
    "list: last page, ordered",
  );

  const first = servers[0]!;
  const patched = await api.PATCH("/api/dcim/servers/{id}/", {
    params: { path: { id: first.id } },
    body: { status: "in_use", serial_number: `SN-${run}` },
  });
  check(patched.data?.status?.value === "in_use", "patch");

  const bad = await api.POST("/api/dcim/servers/", { body: { name: `ts-${run}-bad`, position: -3 } });
  check(bad.response.status === 400, "invalid position is a 400");
  check(JSON.stringify(bad.error).includes("position"), "the 400 body names the field");

  const del = await api.DELETE("/api/dcim/servers/{id}/", { params: { path: { id: first.id } } });
  check(del.response.status === 204, "delete");
  const gone = await api.GET("/api/dcim/servers/{id}/", { params: { path: { id: first.id } } });
  check(gone.response.status === 404, "deleted server is 404");
}
