import { backendsCpu, treeCpu } from "./cpu";
import { type LoadResult, load } from "./load";
import type { Child } from "./processes";

export interface Cost extends LoadResult {
  /** Microseconds of CPU per request in the program (its whole process tree). */
  appUs: number;
  /** Microseconds of CPU per request in its PostgreSQL backends (PostgreSQL only; PGlite runs in the program). */
  dbUs?: number;
}

/**
 * One load run with the CPU it cost, per request: the program's process tree from
 * `/proc`, and on PostgreSQL the backends of `database`. Backends are sampled before
 * and after while the pool stays open (a pool keeps its connections between runs).
 */
export async function measuredLoad(
  child: Child,
  paths: string[],
  opts: { seconds: number; connections: number; url?: string; database?: string; headers?: Record<string, string> },
): Promise<Cost> {
  const db = opts.url && opts.database ? { url: opts.url, name: opts.database } : undefined;
  const app0 = treeCpu(child.proc.pid!);
  const db0 = db ? await backendsCpu(db.url, db.name) : 0;
  const r = await load(child.base, paths, opts);
  // autocannon stops with one request in flight per connection, which the program still
  // answers: wait until it is idle again, and count those requests too (on slow shapes,
  // a few requests a second, leaving them out would overstate the cost several times).
  let app1 = treeCpu(child.proc.pid!);
  for (let i = 0; i < 100; i++) {
    await new Promise((ok) => setTimeout(ok, 100));
    const now = treeCpu(child.proc.pid!);
    if (now - app1 < 0.005) break;
    app1 = now;
  }
  const db1 = db ? await backendsCpu(db.url, db.name) : 0;
  const per = (s: number) => Math.round((s * 1e6) / Math.max(1, r.requests + opts.connections));
  return { ...r, appUs: per(app1 - app0), ...(db ? { dbUs: per(db1 - db0) } : {}) };
}
