import { resources } from "@rackplane/contract";
import type { Job } from "../generated/core";
import type { RackplaneCore } from "./client";
import { RackplaneError, TimeoutError } from "./errors";
import { sleep } from "./retry";

export type { Job };

/** What the client adds to `rp.core.jobs` besides its routes. */
export interface JobHelpers {
  /**
   * Polls a job (or job id) until it finishes: resolves with the completed job, rejects
   * with JobFailedError (failed/cancelled) or TimeoutError (`timeoutMs`, default 10 min).
   */
  wait(job: Job | number, options?: WaitOptions): Promise<Job>;
}

export interface WaitOptions {
  /** Longest wait in ms for the job to finish (default 600 000); then a TimeoutError. */
  timeoutMs?: number;
  /** First polling interval in ms (default 250); it grows by half per poll up to 5 s. */
  intervalMs?: number;
  /** Called with the job whenever its status or progress changed (and once at the start). */
  onProgress?: (job: Job) => void;
  signal?: AbortSignal;
}

const FINISHED = new Set(["completed", "failed", "cancelled"]);

/** The job ended `failed` or `cancelled`; `job` holds its `error` and `result`. */
export class JobFailedError extends RackplaneError {
  readonly job: Job;
  constructor(job: Job) {
    super(`Job ${job.id} (${job.kind}) ${job.status.value}${job.error ? `: ${job.error}` : ""}`, {});
    this.job = job;
  }
}

/**
 * Polls a job until it is completed (resolves with it), failed or cancelled (rejects
 * with JobFailedError), or `timeoutMs` passes (rejects with TimeoutError).
 */
export async function waitForJob(core: RackplaneCore, job: Job | number, opts: WaitOptions = {}): Promise<Job> {
  const id = typeof job === "number" ? job : job.id;
  const path = resources.core.jobs.routes.retrieve.path.replace(":id", String(id));
  const deadline = Date.now() + (opts.timeoutMs ?? 600_000);
  let interval = opts.intervalMs ?? 250;
  let seen = "";
  let current: Job | undefined = typeof job === "number" ? undefined : job;
  for (;;) {
    if (current) {
      const state = `${current.status.value}:${current.progress}`;
      if (state !== seen) opts.onProgress?.(current);
      seen = state;
      if (current.status.value === "completed") return current;
      if (FINISHED.has(current.status.value)) throw new JobFailedError(current);
      if (Date.now() >= deadline) {
        throw new TimeoutError(
          `Job ${id} did not finish within ${opts.timeoutMs ?? 600_000} ms (status ${current.status.value}).`,
        );
      }
      await sleep(Math.min(interval, Math.max(0, deadline - Date.now())), opts.signal);
      interval = Math.min(interval * 1.5, 5_000);
    }
    const remaining = Math.max(1, deadline - Date.now());
    current = (await core.request({ method: "GET", path, options: { signal: opts.signal, timeout: remaining } }))
      .body as Job;
  }
}
