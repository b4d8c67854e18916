import { openDatabase } from "@rackplane/db";
import { Command, InvalidArgumentError, Option } from "commander";
import { createRackplane } from "./app";
import { AUTH_SUBCOMMANDS, authCommand, CliError, firstRunAdmin } from "./auth/cli";
import { ACCOUNT_USAGE, credentialsFileCommand } from "./auth/credentials-file-cli";
import { cliFailure } from "./cli-errors";
import { type Config, configFromEnv } from "./config";
import { loadDotEnv } from "./dotenv";
import { applyServerTimeouts } from "./http/server-timeouts";
import { createLogger } from "./logger";
import { PERMISSION_SUBCOMMANDS, permissionsCommand } from "./permissions/cli";
import { SecretBox } from "./secrets/box";
import { resealSecrets } from "./secrets/reseal";
import { seed } from "./seed";
import { seedProgress } from "./seed-progress";
import { reportCliFailure } from "./sentry";
import { gracefulShutdown } from "./shutdown";
import { VERSION } from "./system/handlers";

/**
 * `rackplane serve | migrate | seed | openapi | reseal-secrets | createsuperuser | auth …` (commander).
 * Settings come from the environment (config.ts); flags override the few an operator
 * picks per run.
 */
loadDotEnv();

interface DbFlags {
  backend?: "pglite" | "postgres";
  dataDir?: string;
}

const backendOption = () =>
  new Option("-b, --backend <backend>", "database: embedded PGlite or PostgreSQL (DATABASE_URL)").choices([
    "pglite",
    "postgres",
  ]);
const dataDirOption = () => new Option("--data-dir <dir>", "PGlite data directory (RACKPLANE_DATA_DIR)");

/** The configuration with the database flags applied; `--backend postgres` needs DATABASE_URL. */
function configWith(flags: DbFlags & { port?: number; host?: string }): Config {
  const config = configFromEnv();
  if (flags.backend === "pglite") config.databaseUrl = undefined;
  if (flags.backend === "postgres" && !config.databaseUrl)
    throw new CliError("--backend postgres needs DATABASE_URL (postgres://user:pass@host:5432/db)");
  if (flags.dataDir) config.dataDir = flags.dataDir;
  if (flags.port !== undefined) config.port = flags.port;
  if (flags.host) config.host = flags.host;
  return config;
}

const port = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("a port is 0–65535.");
  return n;
};

async function serve(flags: DbFlags & { port?: number; host?: string }) {
  const config = configWith(flags);
  const log = createLogger(config.logLevel);
  const rp = await createRackplane(config);
  const firstKey = await firstRunAdmin(rp.database.db);
  if (firstKey) {
    console.log(`No users yet: created superuser "admin". API token (shown once): ${firstKey}`);
    console.log(`  curl -H "Authorization: Token ${firstKey}" http://${config.host}:${config.port}/api/users/me/`);
  }
  // Sample data on demand for a first look: RACKPLANE_SEED=1 (only fills an empty database).
  if (process.env.RACKPLANE_SEED === "1") await seed(rp.database);
  const server = rp.app.listen(config.port, config.host, () => {
    const where = config.databaseUrl ? "PostgreSQL" : `PGlite in ${config.dataDir}`;
    // The bound port, not the configured one: PORT=0 picks a free port (tests spawn replicas so).
    const { port } = server.address() as import("node:net").AddressInfo;
    console.log(`Rackplane listening on http://${config.host}:${port}/api/ (${where})`);
  });
  applyServerTimeouts(server, config);
  const stop = gracefulShutdown(server, rp, log, config.shutdownTimeoutMs);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

async function migrate(flags: DbFlags) {
  const config = configWith(flags);
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await db.migrate();
  const level = await db.migrationLevel();
  console.log(`migrated ${db.backend}: ${level.applied} migrations, at ${level.migration}`);
  await db.close();
}

async function seedCommand(flags: DbFlags) {
  const rp = await createRackplane(configWith(flags));
  const progress = seedProgress();
  try {
    // On a terminal the bar says it all; elsewhere each step is a line (on stderr).
    const filled = await seed(rp.database, () => {}, progress.step);
    progress.stop();
    console.log(filled ? "seed: sample inventory created" : "seed: database already has servers; nothing to do");
  } finally {
    progress.stop();
    await rp.close();
  }
}

async function openapi(flags: { json?: boolean }) {
  // The same generator as the committed openapi/rackplane.yaml; no database involved.
  const { openapiDocument, openapiYaml } = await import("@rackplane/contract/openapi");
  // `rackplane openapi | head` closes the pipe early: that is not an error.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => process.exit(err.code === "EPIPE" ? 0 : 1));
  process.stdout.write(flags.json ? `${JSON.stringify(openapiDocument(), null, 2)}\n` : openapiYaml());
}

/** After a key rotation: every sealed secret sealed again with the current key, so older keys can be removed. */
async function resealCommand(flags: DbFlags) {
  const config = configWith(flags);
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await db.migrate();
  try {
    const box = SecretBox.fromSettings(config.secretKeys);
    const n = await resealSecrets(db.db, box, { legacyOnly: false });
    console.log(`resealed ${n} secrets with key ${box.currentKeyId}`);
  } finally {
    await db.close();
  }
}

/** Account commands parse their own arguments (auth/cli.ts); commander only routes to them. */
async function accounts() {
  const argv = process.argv.slice(2);
  if (argv.includes("--help") || argv.includes("-h")) return void console.log(ACCOUNT_USAGE);
  // Ralph LRS's one-line form writes the credentials file, not the database.
  if (argv[0] === "auth" && argv[1]?.startsWith("-")) {
    process.exitCode = await credentialsFileCommand(argv.slice(1), configFromEnv());
    return;
  }
  const config = configFromEnv();
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await db.migrate();
  try {
    process.exitCode = await authCommand(db.db, process.argv.slice(2), config.bcryptRounds);
  } finally {
    await db.close();
  }
}

/** Object permission commands parse their own arguments (permissions/cli.ts). */
async function permissionCommands() {
  const config = configFromEnv();
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await db.migrate();
  try {
    process.exitCode = await permissionsCommand(db.db, process.argv.slice(2));
  } finally {
    await db.close();
  }
}

const program = new Command("rackplane")
  .description("Rackplane: data-center inventory and bare-metal lifecycle API")
  .version(VERSION)
  .showHelpAfterError()
  // Set before the subcommands are added, which inherit it: --help and --version exit 0,
  // every other commander error (unknown option, bad value) is a one-line mistake, exit 2.
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));
program
  .command("serve", { isDefault: true })
  .alias("runserver") // Ralph LRS: `ralph runserver --backend es`
  .description("run the HTTP API (migrates first)")
  .addOption(backendOption())
  .addOption(dataDirOption())
  .option("-p, --port <port>", "listen port (PORT, 8000; 0 = any free port)", port)
  .option("--host <host>", "listen address (HOST, 127.0.0.1)")
  .action(serve);
program
  .command("migrate")
  .description("apply pending database migrations")
  .addOption(backendOption())
  .addOption(dataDirOption())
  .action(migrate);
program
  .command("seed")
  .description("fill an empty database with a sample inventory (progress on stderr)")
  .addOption(backendOption())
  .addOption(dataDirOption())
  .action(seedCommand);
program
  .command("openapi")
  .description("print the OpenAPI document (YAML; --json for JSON)")
  .option("--json", "print JSON instead of YAML")
  .action(openapi);
program
  .command("reseal-secrets")
  .description("seal every stored secret again with the current key (after rotating RACKPLANE_SECRET_KEY)")
  .addOption(backendOption())
  .addOption(dataDirOption())
  .action(resealCommand);
for (const name of ["createsuperuser", "auth"]) {
  program
    .command(name)
    .description(
      name === "auth"
        ? `${AUTH_SUBCOMMANDS.join(" | ")} (see README)`
        : "create or update a superuser and print a new API token",
    )
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .action(accounts);
}

program
  .command("permissions")
  .description(`${PERMISSION_SUBCOMMANDS.join(" | ")} object permissions (see README, Access control)`)
  .helpOption(false)
  .allowUnknownOption()
  .allowExcessArguments()
  .action(permissionCommands);

/** Every command and subcommand name: what a failure report may say about the command line. */
const commandWords = new Set([
  ...program.commands.map((c) => c.name()),
  ...AUTH_SUBCOMMANDS,
  ...PERMISSION_SUBCOMMANDS,
]);

program.parseAsync(process.argv).catch(async (err) => {
  const { line, code } = cliFailure(err);
  console.error(`rackplane: ${line}`);
  if (process.env.RACKPLANE_DEBUG === "1") console.error(err);
  // Unexpected failures (not the caller's mistakes) are reported like the server's 5xx.
  if (code === 1) await reportCliFailure(configFromEnv().sentry, err, process.argv.slice(2), commandWords);
  process.exit(code);
});
