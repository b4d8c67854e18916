import type { ChildProcess } from "node:child_process";
import { afterAll, onTestFinished } from "vitest";

/**
 * Every process a test spawns (server processes, BMC emulators, CLI runs) is ended
 * whatever happens to the test: a failing assertion or a timeout abandons the test's
 * own `finally`/`stop()` (vitest does not cancel the test function), so the process
 * would keep running — holding ports, data directories and database connections —
 * past the test and even past the worker. Three nets:
 * - spawned inside a test: stopped when that test finishes (pass, fail or timeout);
 * - spawned in a hook: the file's own `afterAll` stops it, and this module's `afterAll`
 *   (registered first, so it runs last) kills whatever is still running;
 * - the worker exiting for any reason: killed synchronously on `exit`.
 */
const live = new Set<ChildProcess>();

process.once("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

try {
  afterAll(async () => {
    await Promise.all([...live].map((child) => killed(child)));
  });
} catch {
  // Imported outside a test run (scripts/bmc-emulators.ts): the exit handler is the net.
}

/** Registers `child`; `stop` is its graceful stop (SIGTERM and wait), used when its test ends. */
export function track(child: ChildProcess, stop: () => Promise<unknown> = () => killed(child)): ChildProcess {
  if (child.exitCode !== null || child.signalCode !== null) return child;
  live.add(child);
  child.once("exit", () => live.delete(child));
  try {
    onTestFinished(async () => {
      if (live.has(child)) await stop();
    });
  } catch {
    // Not inside a test (a beforeAll hook): the afterAll nets above apply.
  }
  return child;
}

/** SIGKILL and wait for the exit. */
async function killed(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await gone;
}
