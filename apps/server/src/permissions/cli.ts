import { parseArgs } from "node:util";
import type { FieldErrors } from "@rackplane/contract";
import { type Database, rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { CliError } from "../auth/cli";
import { checkPermission } from "../resources/users/permissions";

const USAGE = `permissions commands:
  rackplane permissions grant <name> --types dcim.servers,dcim.* --actions view,change [--constraints 'status=in_use'] [--group NOC]… [--user ann]… [--description …]
  rackplane permissions revoke <name>
  rackplane permissions list`;

/** The `permissions` subcommands. */
export const PERMISSION_SUBCOMMANDS = ["grant", "revoke", "list"] as const;

/**
 * Object permissions from the command line, on the database directly (like the
 * account commands): the same validation as the API (`users/permissions`), so a
 * permission the API would refuse is refused here too. A running server sees a
 * change within RACKPLANE_AUTH_CACHE_SECONDS.
 */
export async function permissionsCommand(db: Database, argv: string[]): Promise<number> {
  const { values: o, positionals } = parseArgs({
    args: argv.slice(argv[0] === "permissions" ? 1 : 0),
    allowPositionals: true,
    options: {
      types: { type: "string" },
      actions: { type: "string" },
      constraints: { type: "string" },
      description: { type: "string" },
      group: { type: "string", multiple: true },
      user: { type: "string", multiple: true },
    },
  });
  const [action, name] = positionals;
  switch (action) {
    case "grant": {
      if (!name || !o.types || !o.actions) throw new CliError(USAGE);
      const values = { object_types: o.types, actions: o.actions, constraints: o.constraints ?? "" };
      const errors = checkPermission(values);
      if (errors) throw new CliError(describe(errors));
      await db.transaction(async (tx) => {
        const ids = async (table: "groups" | "users", column: string, names: string[] = []) => {
          const rows = rowsOf<{ id: number; n: string }>(
            await tx.execute(
              sql`SELECT id, ${sql.raw(column)} AS n FROM ${sql.raw(table)} WHERE ${sql.raw(column)} = ANY(${sql.param(names)}::text[])`,
            ),
          );
          const missing = names.filter((n) => !rows.some((r) => r.n === n));
          if (missing.length) throw new CliError(`no ${table.slice(0, -1)} ${missing.map((m) => `"${m}"`).join(", ")}`);
          return rows.map((r) => Number(r.id));
        };
        const groups = await ids("groups", "name", o.group);
        const users = await ids("users", "username", o.user);
        const [row] = rowsOf<{ id: number }>(
          await tx.execute(
            sql`INSERT INTO object_permissions (name, description, object_types, actions, constraints)
                VALUES (${name}, ${o.description ?? ""}, ${values.object_types}, ${values.actions}, ${values.constraints})
                ON CONFLICT (name) DO UPDATE SET description = excluded.description, object_types = excluded.object_types,
                  actions = excluded.actions, constraints = excluded.constraints, updated = now()
                RETURNING id`,
          ),
        );
        const id = Number(row!.id);
        await tx.execute(sql`DELETE FROM object_permission_groups WHERE permission_id = ${id}`);
        await tx.execute(sql`DELETE FROM object_permission_users WHERE permission_id = ${id}`);
        for (const g of groups)
          await tx.execute(sql`INSERT INTO object_permission_groups (permission_id, group_id) VALUES (${id}, ${g})`);
        for (const u of users)
          await tx.execute(sql`INSERT INTO object_permission_users (permission_id, user_id) VALUES (${id}, ${u})`);
      });
      console.log(`permission "${name}" granted: ${values.actions} on ${values.object_types}`);
      return 0;
    }
    case "revoke": {
      if (!name) throw new CliError(USAGE);
      const gone = rowsOf(await db.execute(sql`DELETE FROM object_permissions WHERE name = ${name} RETURNING id`));
      console.log(gone.length ? `permission "${name}" revoked` : `no permission "${name}"`);
      return gone.length ? 0 : 1;
    }
    case "list": {
      const rows = rowsOf<Record<string, string>>(
        await db.execute(
          sql`SELECT p.name, p.object_types, p.actions, p.constraints,
                coalesce((SELECT string_agg(g.name, ',' ORDER BY g.name) FROM object_permission_groups pg JOIN groups g ON g.id = pg.group_id WHERE pg.permission_id = p.id), '') AS groups,
                coalesce((SELECT string_agg(u.username, ',' ORDER BY u.username) FROM object_permission_users pu JOIN users u ON u.id = pu.user_id WHERE pu.permission_id = p.id), '') AS users
              FROM object_permissions p ORDER BY p.name`,
        ),
      );
      for (const r of rows) {
        const to = [r.groups && `groups ${r.groups}`, r.users && `users ${r.users}`].filter(Boolean).join("; ");
        const where = r.constraints ? ` where ${r.constraints}` : "";
        console.log(`${r.name}  ${r.actions} on ${r.object_types}${where}  → ${to || "nobody"}`);
      }
      if (!rows.length) console.log("no permissions");
      return 0;
    }
    default:
      throw new CliError(USAGE);
  }
}

const describe = (errors: FieldErrors) =>
  Object.entries(errors)
    .map(([field, msgs]) => `--${field === "object_types" ? "types" : field}: ${JSON.stringify(msgs)}`)
    .join("\n");
