import { parseArgs } from "node:util";
import { type Database, rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { createToken, ensureSuperuser, userCount } from "./bootstrap";
import { passwordProblems } from "./password-validators";
import { hashPassword, setBcryptRounds } from "./secrets";

/**
 * Account commands of the `rackplane` CLI (Ralph LRS style), run on the
 * database directly — the way to get the first superuser and token:
 *   rackplane createsuperuser --username admin [--password …]
 *   rackplane auth create-user <username> [--password …] [--superuser] [--email …]
 *   rackplane auth create-token <username> [--read-only] [--scopes dcim:read,…] [--expires ISO] [--description …]
 *   rackplane auth list-tokens [<username>]
 *   rackplane auth revoke-token <prefix>
 * Passwords may come from RACKPLANE_ADMIN_PASSWORD instead of the command line.
 */
/** The `auth` subcommands (also the words a CLI failure report may repeat). */
export const AUTH_SUBCOMMANDS = ["create-user", "create-token", "list-tokens", "revoke-token"] as const;

export async function authCommand(db: Database, argv: string[], bcryptRounds: number): Promise<number> {
  setBcryptRounds(bcryptRounds);
  const [command, sub] = argv;
  const args = argv.slice(command === "auth" ? 2 : 1);
  const { values: o, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      username: { type: "string" },
      password: { type: "string" },
      email: { type: "string" },
      superuser: { type: "boolean" },
      "read-only": { type: "boolean" },
      scopes: { type: "string" },
      expires: { type: "string" },
      description: { type: "string" },
    },
  });
  const password = o.password ?? process.env.RACKPLANE_ADMIN_PASSWORD;
  const userId = async (username: string) => {
    const [u] = rowsOf<{ id: number }>(await db.execute(sql`SELECT id FROM users WHERE username = ${username}`));
    if (!u) throw new CliError(`no user "${username}"`);
    return Number(u.id);
  };
  const action = command === "auth" ? sub : command;
  switch (action) {
    case "createsuperuser": {
      const username = o.username ?? positionals[0] ?? "admin";
      refuseWeakPassword(password, { username, email: o.email ?? "" });
      const id = await ensureSuperuser(db, { username, password });
      const key = await createToken(db, id, { description: "createsuperuser" });
      console.log(`superuser "${username}" ready${password ? " (password set)" : ""}; API token (shown once): ${key}`);
      return 0;
    }
    case "create-user": {
      const username = o.username ?? positionals[0];
      if (!username) throw new CliError("usage: rackplane auth create-user <username> [--password …] [--superuser]");
      refuseWeakPassword(password, { username, email: o.email ?? "" });
      const hash = password ? await hashPassword(password) : null;
      await db.execute(
        sql`INSERT INTO users (username, email, is_superuser, password) VALUES (${username}, ${o.email ?? ""}, ${o.superuser ?? false}, ${hash})`,
      );
      console.log(`user "${username}" created${o.superuser ? " (superuser)" : ""}`);
      return 0;
    }
    case "create-token": {
      const username = o.username ?? positionals[0];
      if (!username) throw new CliError("usage: rackplane auth create-token <username> [--read-only] [--scopes …]");
      const expires = o.expires ? new Date(o.expires) : undefined;
      if (expires && Number.isNaN(expires.getTime())) throw new CliError(`--expires: not a date: ${o.expires}`);
      if (o.scopes && !/^([a-z][a-z0-9-]*:(read|write))(,[a-z][a-z0-9-]*:(read|write))*$/.test(o.scopes))
        throw new CliError("--scopes: a comma-separated list of <app>:read|write");
      const key = await createToken(db, await userId(username), {
        description: o.description ?? "",
        writeEnabled: !o["read-only"],
        scopes: o.scopes ?? "",
        expires,
      });
      console.log(key);
      return 0;
    }
    case "list-tokens": {
      const username = o.username ?? positionals[0];
      const rows = rowsOf<Record<string, unknown>>(
        await db.execute(
          sql`SELECT t.prefix, u.username, t.description, t.write_enabled, t.scopes, t.expires, t.last_used
              FROM tokens t JOIN users u ON u.id = t.user_id
              ${username ? sql`WHERE u.username = ${username}` : sql``} ORDER BY u.username, t.id`,
        ),
      );
      for (const r of rows) {
        const flags = [r.write_enabled ? "read-write" : "read-only", r.scopes || "all apps"];
        if (r.expires) flags.push(`expires ${new Date(String(r.expires)).toISOString()}`);
        console.log(`${r.prefix}…  ${r.username}  ${flags.join(", ")}  ${r.description ?? ""}`.trimEnd());
      }
      if (!rows.length) console.log("no tokens");
      return 0;
    }
    case "revoke-token": {
      const prefix = positionals[0];
      if (!prefix || !/^[0-9a-f]{8}$/.test(prefix))
        throw new CliError("usage: rackplane auth revoke-token <8-hex prefix>");
      const gone = rowsOf(await db.execute(sql`DELETE FROM tokens WHERE prefix = ${prefix} RETURNING id`));
      console.log(gone.length ? `revoked ${gone.length} token(s) ${prefix}…` : `no token ${prefix}…`);
      return gone.length ? 0 : 1;
    }
    default:
      throw new CliError(
        "auth commands: createsuperuser, auth create-user, auth create-token, auth list-tokens, auth revoke-token",
      );
  }
}

export class CliError extends Error {}

/**
 * Zero-setup start: a server with no users at all would refuse every request, so
 * the first `serve` creates superuser `admin` with a token and prints it once.
 */
export async function firstRunAdmin(db: Database): Promise<string | undefined> {
  if ((await userCount(db)) > 0) return undefined;
  const id = await ensureSuperuser(db, { username: "admin" });
  return createToken(db, id, { description: "created on first start" });
}

/** The CLI takes the passwords the API takes: the same validators, every message on one line. */
function refuseWeakPassword(password: string | undefined, user: Record<string, unknown>) {
  const problems = password ? passwordProblems(password, user) : [];
  if (problems.length) throw new CliError(`--password: ${problems.join(" ")}`);
}
