import { principalOfRequest } from "./auth/middleware";
import type { UnexpectedErrorSink } from "./http/errors";
import type { Logger } from "./logger";

export interface SentrySettings {
  /** SENTRY_DSN; absent → no Sentry at all (the SDK is not even loaded). */
  dsn?: string;
  environment?: string;
  /** SENTRY_TRACES_SAMPLE_RATE: share of requests traced (0 = errors only). */
  tracesSampleRate: number;
}

export interface ErrorReporter {
  report: UnexpectedErrorSink;
  /** Sends what is queued (shutdown). */
  close(): Promise<void>;
}

let reporter: Promise<ErrorReporter | undefined> | undefined;

/**
 * Optional error reporting to Sentry (`@sentry/node`): every 5xx's cause, tagged with
 * the request id (the `X-Request-ID` the client saw and the log line carries), method,
 * URL, status and user. One client per process: the SDK is global.
 */
export function errorReporter(settings: SentrySettings, log: Logger): Promise<ErrorReporter | undefined> {
  if (!settings.dsn) return Promise.resolve(undefined);
  reporter ??= (async () => {
    const Sentry = await import("@sentry/node");
    Sentry.init({
      dsn: settings.dsn,
      environment: settings.environment,
      tracesSampleRate: settings.tracesSampleRate,
    });
    log.info({ environment: settings.environment }, "Sentry error reporting on");
    return {
      report: (err, req, res, status) => {
        const requestId = String(res.getHeader("X-Request-ID") ?? "");
        const user = principalOfRequest(req);
        Sentry.captureException(err, {
          tags: {
            request_id: requestId,
            method: req.method,
            status: String(status),
            ...(res.locals.operation ? { operation: String(res.locals.operation) } : {}),
          },
          extra: { url: req.originalUrl },
          user: user ? { id: String(user.id), username: user.username } : undefined,
        });
      },
      close: async () => {
        reporter = undefined;
        await Sentry.close(2000);
      },
    };
  })();
  return reporter;
}
