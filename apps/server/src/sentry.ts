import { principalOfRequest } from "./auth/middleware";
import type { UnexpectedErrorSink } from "./http/errors";
import type { Logger } from "./logger";

export interface SentrySettings {
  /** SENTRY_DSN; absent → no Sentry at all (the SDK is not even loaded). */
  dsn?: string;
  environment?: string;
  /** SENTRY_TRACES_SAMPLE_RATE: share of requests traced (0 = errors only). */
  tracesSampleRate: number;
  /** SENTRY_CLI_TRACES_SAMPLE_RATE: the same for CLI runs (Ralph LRS keeps the two apart). */
  cliTracesSampleRate?: number;
  /** SENTRY_IGNORE_HEALTH_CHECKS=1: never trace the status probes (a load balancer's noise). */
  ignoreHealthChecks?: boolean;
}

const HEALTH = /^(?:[A-Z]+ )?\/api\/status\//;

/** The sample rate of one transaction: the configured rate, 0 for status probes when they are ignored. */
export function traceRate(
  settings: Pick<SentrySettings, "tracesSampleRate" | "ignoreHealthChecks">,
  ctx: { name?: string; attributes?: Record<string, unknown> },
): number {
  const target = String(ctx.attributes?.["url.path"] ?? ctx.attributes?.["http.target"] ?? ctx.name ?? "");
  if (settings.ignoreHealthChecks && (HEALTH.test(target) || HEALTH.test(ctx.name ?? ""))) return 0;
  return settings.tracesSampleRate;
}

/**
 * A CLI failure that is not the caller's mistake (exit 1) goes to Sentry too, tagged
 * with the command, under the CLI's own trace rate; a no-op without SENTRY_DSN.
 */
export async function reportCliFailure(
  settings: SentrySettings,
  err: unknown,
  argv: string[],
  /** The CLI's command and subcommand names: only these words of `argv` are reported. */
  commandWords: ReadonlySet<string>,
) {
  if (!settings.dsn) return;
  const Sentry = await import("@sentry/node");
  Sentry.init({
    dsn: settings.dsn,
    environment: settings.environment,
    tracesSampleRate: settings.cliTracesSampleRate ?? 0,
  });
  // The command's own words, never anything the caller typed: a flag's value
  // (`--password …`) or an argument (a username) is not a known command word.
  const command = argv
    .filter((a) => commandWords.has(a))
    .slice(0, 2)
    .join(" ");
  Sentry.captureException(err, { tags: { component: "cli", command } });
  await Sentry.close(2000);
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
      tracesSampler: (ctx) => traceRate(settings, ctx as { name?: string; attributes?: Record<string, unknown> }),
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
