import { contract, resources } from "@rackplane/contract";
import type { RawResult } from "./core/api-promise";
import type { ClientOptions, RequestOptions } from "./core/client";
import { RackplaneCore } from "./core/client";
import { type Job, type WaitOptions, waitForJob } from "./core/jobs";
import { routesClient } from "./core/routes";
import type { Api } from "./generated";

/**
 * The Rackplane API client. Its tree mirrors the API and is built from the
 * contract: `rp.dcim.servers.list({ status: "in_use" })`, `rp.system.status()`.
 */
class RackplaneClient {
  /** Transport (base URL, retries, timeouts); `rp.core` would clash with the `core` app. */
  readonly transport: RackplaneCore;

  constructor(options: ClientOptions = {}) {
    this.transport = new RackplaneCore(options);
    for (const [app, rs] of Object.entries(resources)) {
      const appClient: Record<string, unknown> = {};
      for (const [name, r] of Object.entries(rs)) appClient[name] = routesClient(this.transport, r.routes);
      if (app === "core") {
        const jobs = appClient.jobs as Record<string, unknown>;
        jobs.wait = (job: Job | number, options?: WaitOptions) => waitForJob(this.transport, job, options);
      }
      Object.defineProperty(this, app, { value: appClient, enumerable: true });
    }
    for (const [key, router] of Object.entries(contract)) {
      if (key in resources) continue;
      Object.defineProperty(this, key, { value: routesClient(this.transport, router), enumerable: true });
    }
  }

  /** Any endpoint by path, for what the tree does not cover; resolves with the parsed body. */
  async request<T = unknown>(
    method: string,
    path: string,
    init: { query?: Record<string, unknown>; body?: unknown; options?: RequestOptions } = {},
  ): Promise<T> {
    const raw: RawResult = await this.transport.request({ method, path, ...init });
    return raw.body as T;
  }
}

/**
 * The constructor assigns the apps from the contract at run time; this typing
 * gives them the contract's types (a class cannot declare computed members), as
 * the plain interfaces `src/generated/` prints from the contract: a consumer's
 * checker reads them instead of computing them from zod schemas.
 */
export type Rackplane = RackplaneClient & Api;
export const Rackplane = RackplaneClient as new (options?: ClientOptions) => Rackplane;
