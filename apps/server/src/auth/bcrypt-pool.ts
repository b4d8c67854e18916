import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

/**
 * bcrypt runs in worker threads: a hash costs 0.2–1 s of CPU, and on the event loop a
 * few concurrent sign-ins would stall every other request for that long. The workers
 * run bcryptjs (the CommonJS build, loaded by path so no TypeScript loader is needed
 * there) and are unref'd, so an idle pool never keeps the process alive.
 */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const bcrypt = require(workerData.bcrypt);
parentPort.on("message", ({ id, op, a, b }) => {
  try {
    parentPort.postMessage({ id, ok: op === "hash" ? bcrypt.hashSync(a, b) : bcrypt.compareSync(a, b) });
  } catch (e) {
    parentPort.postMessage({ id, error: String((e && e.message) || e) });
  }
});`;

type Op = { op: "hash"; a: string; b: number } | { op: "compare"; a: string; b: string };
interface Slot {
  worker: Worker;
  pending: Map<number, { ok(v: unknown): void; fail(e: Error): void }>;
}

const bcryptPath = createRequire(import.meta.url).resolve("bcryptjs");
const size = Math.max(1, Math.min(2, availableParallelism() - 1));
const slots: (Slot | undefined)[] = [];
let nextId = 0;

function slot(): Slot {
  // The least busy worker; a missing (never started or exited) one is started.
  let best = 0;
  for (let i = 0; i < size; i++) {
    if (!slots[i]) return start(i);
    if (slots[i]!.pending.size < slots[best]!.pending.size) best = i;
  }
  return slots[best]!;
}

function start(i: number): Slot {
  const worker = new Worker(WORKER, { eval: true, workerData: { bcrypt: bcryptPath }, execArgv: [] });
  const s: Slot = { worker, pending: new Map() };
  worker.unref();
  worker.on("message", (m: { id: number; ok?: unknown; error?: string }) => {
    const p = s.pending.get(m.id);
    s.pending.delete(m.id);
    if (s.pending.size === 0) worker.unref();
    if (m.error !== undefined) p?.fail(new Error(m.error));
    else p?.ok(m.ok);
  });
  const gone = (err: Error) => {
    if (slots[i] === s) slots[i] = undefined;
    for (const p of s.pending.values()) p.fail(err);
    s.pending.clear();
  };
  worker.on("error", gone);
  worker.on("exit", (code) => gone(new Error(`bcrypt worker exited (${code})`)));
  slots[i] = s;
  return s;
}

function run<T>(op: Op): Promise<T> {
  const s = slot();
  const id = nextId++;
  return new Promise<T>((ok, fail) => {
    s.pending.set(id, { ok: ok as (v: unknown) => void, fail });
    s.worker.ref(); // work in flight: keep the process until it answers
    s.worker.postMessage({ id, ...op });
  });
}

export const bcryptHash = (password: string, rounds: number) => run<string>({ op: "hash", a: password, b: rounds });
export const bcryptCompare = (password: string, hash: string) => run<boolean>({ op: "compare", a: password, b: hash });
