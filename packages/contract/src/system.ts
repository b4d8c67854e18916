import { initContract } from "@ts-rest/core";
import { z } from "zod";
import { commonErrors } from "./common/schemas";

const c = initContract();

export const ApiIndexEntry = z.object({
  app: z.string(),
  resource: z.string(),
  url: z.string().url(),
  description: z.string(),
});
export const ApiIndex = z.object({ version: z.string(), endpoints: z.array(ApiIndexEntry) });
/** `GET /api/<app>/`: the resources of one app (Peering Manager's and DRF's per-app roots). */
export const ApiAppIndex = z.object({ app: z.string(), endpoints: z.array(ApiIndexEntry) });

/** The per-app root route, given the apps of the resource tree (so there is one list of apps). */
export const appIndexRoute = <const A extends readonly [string, ...string[]]>(apps: A) =>
  ({
    method: "GET",
    path: "/api/:app/",
    pathParams: z.object({ app: z.enum(apps) }),
    responses: { 200: ApiAppIndex, ...commonErrors },
    summary: "The resources of one app (HTML for browsers)",
    metadata: { operationId: "api_app_index", html: true } as const,
  }) as const;

export const Status = z.object({
  status: z.literal("ok"),
  version: z.string(),
  api_version: z.string(),
  database: z.object({
    backend: z.enum(["pglite", "postgresql"]),
    server_version: z.string(),
    migration: z.string().nullable(),
    migrations_applied: z.number().int(),
  }),
  node_version: z.string(),
});

/** Readiness failed: the database did not answer, or the server is shutting down. */
export const StatusUnavailable = z.object({
  status: z.literal("unavailable"),
  version: z.string(),
  api_version: z.string(),
  detail: z.string(),
});

/** Liveness: the process answers HTTP (no database involved). */
export const Liveness = z.object({
  status: z.literal("ok"),
  version: z.string(),
  uptime_seconds: z.number(),
});

export const system = {
  routes: c.router({
    index: {
      method: "GET",
      path: "/api/",
      responses: { 200: ApiIndex, ...commonErrors },
      summary: "Every endpoint of the API (HTML for browsers)",
      metadata: { operationId: "api_index", html: true } as const,
    },
    status: {
      method: "GET",
      path: "/api/status/",
      responses: { 200: Status, ...commonErrors, 503: StatusUnavailable },
      summary: "Readiness: version, database backend and migration level; 503 when the database does not answer",
      description:
        "Runs a query on the database (bounded by a timeout). 503 while the database is unreachable or the server is shutting down, so a load balancer stops sending traffic. No authentication needed; never rate limited.",

      metadata: { operationId: "api_status", security: [] as string[] } as const,
    },
    live: {
      method: "GET",
      path: "/api/status/live/",
      responses: { 200: Liveness, ...commonErrors },
      summary: "Liveness: the process answers (no database check)",
      description:
        "For a process supervisor's liveness probe: 200 as long as the server runs. No authentication needed; never rate limited.",

      metadata: { operationId: "api_status_live", security: [] as string[] } as const,
    },
  }),
};
