import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import type { Config } from "../config";
import { CliError } from "./cli";
import { hashPassword, setBcryptRounds } from "./secrets";

/** `rackplane auth --help` and `rackplane createsuperuser --help`. */
export const ACCOUNT_USAGE = `Accounts and tokens (run on the database directly):
  rackplane createsuperuser --username admin [--password …]
  rackplane auth create-user <username> [--password …] [--superuser] [--email …]
  rackplane auth create-token <username> [--read-only] [--scopes dcim:read,…] [--expires ISO] [--description …]
  rackplane auth list-tokens [<username>]
  rackplane auth revoke-token <8-hex prefix>
Credentials file (Ralph LRS; RACKPLANE_AUTH_FILE, default ./.rackplane/auth.json):
  rackplane auth --username janedoe --password … --scope janedoe_scope [--scope …] [--write-to-disk]
  (prints the entry; --write-to-disk adds it to the file)`;

interface FileEntry {
  username: string;
  hash: string;
  scopes: string[];
}

/**
 * Ralph LRS's `auth` command: a `{username, hash (bcrypt), scopes}` entry for the
 * credentials file, printed, or added to the file with `--write-to-disk` (a user
 * already in it is a mistake: exit 2).
 */
export async function credentialsFileCommand(args: string[], config: Config): Promise<number> {
  const { values: o } = parseArgs({
    args,
    options: {
      username: { type: "string", short: "u" },
      password: { type: "string", short: "p" },
      scope: { type: "string", short: "s", multiple: true },
      "write-to-disk": { type: "boolean", short: "w" },
    },
  });
  if (!o.username || !o.password)
    throw new CliError(
      "usage: rackplane auth --username <name> --password <password> [--scope <scope>]… [--write-to-disk]",
    );
  setBcryptRounds(config.bcryptRounds);
  const entry: FileEntry = { username: o.username, hash: await hashPassword(o.password), scopes: o.scope ?? [] };
  if (!o["write-to-disk"]) {
    console.log(JSON.stringify(entry, null, 2));
    return 0;
  }
  const file = config.authFile;
  const list = readCredentialsFile(file);
  if (list.some((e) => e.username === entry.username))
    throw new CliError(`user "${entry.username}" is already in ${file}`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify([...list, entry], null, 2)}\n`, { mode: 0o600 });
  console.log(`user "${entry.username}" added to ${file}`);
  return 0;
}

/** The file's entries; a missing file is an empty list, a malformed one a one-line error. */
export function readCredentialsFile(file: string): FileEntry[] {
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch (err) {
    throw new CliError(`${file} is not JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(list)) throw new CliError(`${file} must be a JSON list of {username, hash, scopes}`);
  for (const [i, e] of list.entries()) {
    const ok =
      e &&
      typeof e.username === "string" &&
      e.username &&
      typeof e.hash === "string" &&
      /^\$2[aby]\$\d\d\$/.test(e.hash) &&
      (e.scopes === undefined || (Array.isArray(e.scopes) && e.scopes.every((s: unknown) => typeof s === "string")));
    if (!ok) throw new CliError(`${file}[${i}]: needs "username", a bcrypt "hash" and a list of "scopes"`);
  }
  return list as FileEntry[];
}
