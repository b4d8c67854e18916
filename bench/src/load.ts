import autocannon from "autocannon";
import { AUTH } from "./processes";

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** One autocannon run against one URL (or a rotating list of paths). */
export async function load(
  base: string,
  paths: string[],
  /** `headers`: another caller's credentials instead of the superuser's. */
  opts: { seconds: number; connections: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const r = await autocannon({
    url: base,
    connections: opts.connections,
    duration: opts.seconds,
    requests: paths.map((path) => ({
      method: "GET",
      path,
      headers: { accept: "application/json", ...(opts.headers ?? AUTH) },
    })),
  });
  return {
    requests: r.requests.total,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}
