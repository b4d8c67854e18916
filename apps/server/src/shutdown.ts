import type { Server } from "node:http";
import type { Rackplane } from "./app";
import type { Logger } from "./logger";

/**
 * Graceful shutdown (SIGTERM, SIGINT): stop accepting connections, let in-flight
 * requests finish (readiness answers 503 and responses close their connection
 * meanwhile), then stop the forwarder and pg-boss and close the database, and exit 0.
 * Requests still running after `timeoutMs` have their connections cut.
 */
export function gracefulShutdown(server: Server, rp: Rackplane, log: Logger, timeoutMs: number) {
  let stopping = false;
  return async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    rp.app.locals.draining = true;
    log.info({ signal }, "shutting down: finishing in-flight requests");
    const closed = new Promise<void>((done) => server.close(() => done()));
    // A kept-alive connection is idle between requests: close each as soon as it is.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const cut = setTimeout(() => {
      log.warn({ timeoutMs }, "shutdown: requests still running, closing their connections");
      server.closeAllConnections();
    }, timeoutMs);
    await closed;
    clearInterval(idle);
    clearTimeout(cut);
    // A statement that never ends (PGlite has no statement timeout) must not keep the process alive.
    const stuck = setTimeout(() => {
      log.error({ timeoutMs }, "shutdown: the database or the queue did not close in time");
      process.exit(1);
    }, timeoutMs);
    try {
      await rp.close();
      clearTimeout(stuck);
    } catch (err) {
      log.error({ err }, "shutdown: closing the database or the queue failed");
      process.exit(1);
    }
    log.info("stopped");
    process.exit(0);
  };
}
