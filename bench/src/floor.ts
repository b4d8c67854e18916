import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { type Db, openDb, type Query, type Row, type Target } from "./db";

/**
 * The floor: what a competent engineer writes by hand for the servers list and
 * detail — node:http, postgres.js (or PGlite in-process, as the server deploys on
 * either), one hand-written SELECT building the nested JSON in SQL, plus the
 * exact count the API promises. It answers with the same
 * JSON as Rackplane (the benchmark checks that before measuring), so the ratio
 * server/floor is the cost of the framework.
 */
const STATUS = {
  new: "New",
  in_use: "In use",
  to_deploy: "To deploy",
  free: "Free",
  damaged: "Damaged",
  liquidated: "Liquidated",
  in_repair: "In repair",
  reserved: "Reserved",
} as Record<string, string>;
const POWER = { on: "On", off: "Off", unknown: "Unknown" } as Record<string, string>;

const COLUMNS = `s.id, to_json(s.created) #>> '{}' AS created, to_json(s.updated) #>> '{}' AS updated,
  (SELECT coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'slug', t.slug, 'color', t.color) ORDER BY t.name, t.id), '[]'::json)
     FROM tagged_items ti JOIN tags t ON t.id = ti.tag_id WHERE ti.object_type = 'dcim.servers' AND ti.object_id = s.id) AS tags,
  s.comments, s.name,
  CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'name', a.name) END AS asset_model,
  s.manufacturer, s.model, s.serial_number, s.sku, s.bios_version, s.bmc_url, s.power_state, s.status,
  CASE WHEN r.id IS NULL THEN NULL ELSE json_build_object('id', r.id, 'name', r.name) END AS rack,
  CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('id', p.id, 'name', p.name) END AS resource_pool,
  CASE WHEN nd.id IS NULL THEN NULL ELSE json_build_object('id', nd.id, 'address', host(nd.address), 'port', nd.port) END AS node,
  s.position, s.asset_tag, s.local_context_data, s.service_environment_id,
  (SELECT coalesce(json_agg(json_build_object('id', l.id, 'niw', l.niw, 'software_id', sw.id, 'software', sw.name) ORDER BY l.niw, l.id), '[]'::json)
     FROM base_object_licences bl JOIN licences l ON l.id = bl.licence_id JOIN software sw ON sw.id = l.software_id
     WHERE bl.base_object_id = s.id) AS licences`;
const FROM = `FROM servers s LEFT JOIN asset_models a ON a.id = s.asset_model_id LEFT JOIN racks r ON r.id = s.rack_id
  LEFT JOIN pools p ON p.id = s.resource_pool_id LEFT JOIN nodes nd ON nd.id = s.node_id`;

const brief = (base: string, path: string, o: Row | null, extra: Row = {}) =>
  o ? { id: o.id, url: `${base}/api/dcim/${path}/${o.id}/`, display: o.name, name: o.name, ...extra } : null;

function present(base: string, r: Row): Row {
  return {
    id: r.id,
    url: `${base}/api/dcim/servers/${r.id}/`,
    display: r.name,
    created: r.created,
    updated: r.updated,
    tags: (r.tags as Row[]).map((t) => ({
      id: t.id,
      url: `${base}/api/core/tags/${t.id}/`,
      display: t.name,
      name: t.name,
      slug: t.slug,
      color: t.color,
    })),
    comments: r.comments,
    name: r.name,
    asset_model: brief(base, "asset-models", r.asset_model),
    manufacturer: r.manufacturer,
    model: r.model,
    serial_number: r.serial_number,
    sku: r.sku,
    bios_version: r.bios_version,
    bmc_url: r.bmc_url,
    power_state: { value: r.power_state, label: POWER[r.power_state] },
    status: { value: r.status, label: STATUS[r.status] },
    rack: brief(base, "racks", r.rack),
    resource_pool: r.resource_pool
      ? {
          id: r.resource_pool.id,
          url: `${base}/api/pools/pools/${r.resource_pool.id}/`,
          display: r.resource_pool.name,
          name: r.resource_pool.name,
        }
      : null,
    node: r.node
      ? {
          id: r.node.id,
          url: `${base}/api/discovery/nodes/${r.node.id}/`,
          display: `${r.node.address}:${r.node.port}`,
          address: r.node.address,
          port: r.node.port,
        }
      : null,
    position: r.position,
    asset_tag: r.asset_tag,
    local_context_data: r.local_context_data,
    // The seed assigns no service environments; a hand-written floor would join them like racks.
    service_environment: r.service_environment_id === null ? null : { id: r.service_environment_id },
    licences: (r.licences as Row[]).map((l) => ({
      id: l.id,
      url: `${base}/api/assets/licences/${l.id}/`,
      display: l.niw,
      niw: l.niw,
      software: {
        id: l.software_id,
        url: `${base}/api/assets/software/${l.software_id}/`,
        display: l.software,
        name: l.software,
      },
    })),
  };
}

export function createFloor(db: Db) {
  async function list(base: string, q: URLSearchParams) {
    const limit = Math.min(Number(q.get("limit") ?? 50), 1000);
    const offset = Number(q.get("offset") ?? 0);
    const status = q.get("status");
    const params: unknown[] = status ? [status] : [];
    const where = status ? "WHERE s.status = $1" : "";
    const [[counted], rows] = await Promise.all([
      db.query<{ n: number }>(`SELECT count(*)::int AS n FROM servers s ${where}`, params),
      db.query(
        `SELECT ${COLUMNS} ${FROM} ${where} ORDER BY s.name, s.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, limit, offset],
      ),
    ]);
    const count = counted!.n;
    const link = (o: number) => {
      const p = new URLSearchParams();
      if (status) p.set("status", status);
      p.set("limit", String(limit));
      if (o > 0) p.set("offset", String(o));
      return `${base}/api/dcim/servers/?${p}`;
    };
    return {
      count,
      next: offset + limit < count ? link(offset + limit) : null,
      previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
      results: rows.map((r) => present(base, r)),
    };
  }

  async function detail(base: string, id: number) {
    const [row] = await db.query(`SELECT ${COLUMNS} ${FROM} WHERE s.id = $1`, [id]);
    return row ? present(base, row) : null;
  }

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const u = new URL(req.url ?? "/", "http://x");
      const base = `http://${req.headers.host}`;
      let body: unknown = null;
      if (u.pathname === "/api/dcim/servers/") body = await list(base, u.searchParams);
      else {
        const m = /^\/api\/dcim\/servers\/(\d+)\/$/.exec(u.pathname);
        if (m) body = await detail(base, Number(m[1]));
      }
      const text = JSON.stringify(body ?? { detail: "Not found." });
      res.writeHead(body ? 200 : 404, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(text),
      });
      res.end(text);
    } catch (err) {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ detail: String(err) }));
    }
  });
  const close = async () => {
    server.close();
    await db.end();
  };
  return { server, db, close };
}

/**
 * The multi-row INSERT the bulk benchmark compares with: 1,000 rows a statement, one
 * transaction; the columns are the first row's keys (as postgres.js `sql(rows)` takes them).
 */
export async function floorBulkInsert(db: Db, rows: Row[]) {
  const columns = Object.keys(rows[0] ?? {});
  await db.begin(async (tx: Query) => {
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const tuples = chunk.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(", ")})`);
      await tx.query(
        `INSERT INTO servers (${columns.join(", ")}) VALUES ${tuples.join(", ")}`,
        chunk.flatMap((row) => columns.map((c) => row[c] ?? null)),
      );
    }
  });
}

/** As the server: PostgreSQL when DATABASE_URL is set, else PGlite in RACKPLANE_DATA_DIR. */
export function floorTarget(env: NodeJS.ProcessEnv): Target {
  return env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.RACKPLANE_DATA_DIR ?? "./.rackplane/data" };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const db = await openDb(floorTarget(process.env), Number(process.env.POOL_SIZE ?? 10));
  const { server, close } = createFloor(db);
  server.listen(Number(process.env.PORT ?? 8100), "127.0.0.1", () => console.log("floor listening"));
  // Closed cleanly, so the next process that opens a PGlite directory finds it shut down.
  process.once("SIGTERM", () => void close().then(() => process.exit(0)));
}
