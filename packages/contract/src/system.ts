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

export const Status = z.object({
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
      responses: { 200: Status, ...commonErrors },
      summary: "Version, database backend and migration level",
      metadata: { operationId: "api_status" } as const,
    },
  }),
};
