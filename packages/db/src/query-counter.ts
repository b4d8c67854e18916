import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "drizzle-orm/logger";

/**
 * Counts SQL statements per unit of work (an HTTP request, a test): the server
 * runs each request inside `queryCounter.run({ count: 0 }, ...)` and tests assert
 * that lists and details stay within their budget.
 */
export const queryCounter = new AsyncLocalStorage<{ count: number }>();
/** Drizzle logger of every client: one count per statement. */
export const countingLogger: Logger = {
  logQuery() {
    const c = queryCounter.getStore();
    if (c) c.count++;
  },
};
