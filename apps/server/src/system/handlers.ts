import { API_VERSION, type contract, resourceList } from "@rackplane/contract";
import type { DatabaseHandle } from "@rackplane/db";
import type { Handler } from "../http/handler";
import { indexHtml } from "./index-html";

export const VERSION = "0.1.0";

/** `GET /api/` and `GET /api/status/`. */
export function systemHandlers(database: DatabaseHandle) {
  const index: Handler = async ({ req, ctx }) => {
    const endpoints = resourceList.map((r) => ({
      app: r.app,
      resource: r.name,
      url: `${ctx.baseUrl}${r.path}`,
      description: r.description,
    }));
    const body = { version: API_VERSION, endpoints };
    const wantsHtml = req.accepts(["application/json", "text/html"]) === "text/html" && !req.query.format;
    return wantsHtml ? { status: 200, html: indexHtml(body) } : { status: 200, body };
  };
  const status: Handler = async () => {
    const level = await database.migrationLevel();
    return {
      status: 200,
      body: {
        version: VERSION,
        api_version: API_VERSION,
        database: {
          backend: database.backend,
          server_version: await database.serverVersion(),
          migration: level.migration,
          migrations_applied: level.applied,
        },
        node_version: process.version,
      },
    };
  };
  return { index, status } satisfies Record<keyof typeof contract.system, Handler>;
}
