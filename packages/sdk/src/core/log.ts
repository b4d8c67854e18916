/** The client's own log lines (retries, and every attempt at `debug`), filtered by level. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "off";
export type Logger = Pick<Console, "debug" | "info" | "warn" | "error">;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, off: 100 };

export function makeLog(level: LogLevel, logger: Logger = console) {
  const rank = RANK[level] ?? RANK.warn;
  const at =
    (l: Exclude<LogLevel, "off">) =>
    (message: string): void => {
      if (RANK[l] >= rank) logger[l](`[rackplane] ${message}`);
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
