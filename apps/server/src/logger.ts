import { type Logger, pino } from "pino";

export type { Logger };

/** Structured JSON logs (pino); tests run silent except for errors. */
export const createLogger = (level: string = process.env.RACKPLANE_LOG_LEVEL ?? "info"): Logger => pino({ level });
