import { CliError } from "./auth/cli";
import { pgError, uniqueMessage } from "./http/errors";

/**
 * What the CLI prints for a failure: one line, never a stack trace, SQL or a
 * hash. Mistakes of the caller (unknown options, bad values, a user that already
 * exists) exit 2; anything else (the database unreachable…) exits 1.
 * `RACKPLANE_DEBUG=1` prints the whole error as well.
 */
export function cliFailure(err: unknown): { line: string; code: number } {
  const e = err as { code?: string; message?: string; name?: string };
  if (typeof e?.code === "string" && (e.code.startsWith("ERR_PARSE_ARGS") || e.code.startsWith("commander.")))
    return { line: firstLine(e.message), code: 2 };
  const pg = pgError(err);
  if (pg?.code === "23505") return { line: uniqueMessage(pg).replace(/^An object/, "A user or token"), code: 2 };
  if (err instanceof CliError) return { line: firstLine(e.message), code: 2 };
  return { line: firstLine(e?.message ?? String(err)), code: 1 };
}

const firstLine = (m: string | undefined) =>
  String(m ?? "failed")
    .split("\n")[0]!
    .replace(/^error: /, "");
