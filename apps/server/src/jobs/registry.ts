import type { Database } from "@rackplane/db";
import type { Logger } from "pino";
import type { EnqueueRequest, JobRow } from "./queue";

/** What a job handler gets: its row, parameters, the database, and ways to report and stop. */
export interface JobContext<P = Record<string, unknown>> {
  job: JobRow;
  params: P;
  db: Database;
  /** Aborted when the job is cancelled or the server stops; pass it to network calls. */
  signal: AbortSignal;
  log: Logger;
  /** Reports progress 0–100; throws when the job was cancelled meanwhile. */
  progress(pct: number): Promise<void>;
  /** Queues a follow-up job in `tx`. */
  enqueue(tx: Database, req: EnqueueRequest): Promise<JobRow>;
}

/** Returns the job's `result`; a thrown error's message becomes the job's `error`. */
export type JobHandler<P = any> = (ctx: JobContext<P>) => Promise<unknown>;

const handlers = new Map<string, JobHandler>();

/** Declares what a job kind does (`discovery.scan`, `dcim.servers.update_firmware`, …). */
export function defineJob<P>(kind: string, handler: JobHandler<P>) {
  handlers.set(kind, handler as JobHandler);
}

export const jobHandler = (kind: string) => handlers.get(kind);
