import { openDatabase } from "@rackplane/db";
import { createRackplane } from "./app";
import { authCommand, CliError, firstRunAdmin } from "./auth/cli";
import { configFromEnv } from "./config";
import { seed } from "./seed";

/** `rackplane serve` (default) | `rackplane migrate` | `rackplane seed` */
async function main() {
  const [command = "serve"] = process.argv.slice(2);
  const config = configFromEnv();
  if (command === "migrate") {
    const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
    await db.migrate();
    const level = await db.migrationLevel();
    console.log(`migrated ${db.backend}: ${level.applied} migrations, at ${level.migration}`);
    await db.close();
    return;
  }
  if (command === "seed") {
    const rp = await createRackplane(config);
    await seed(rp.database);
    await rp.close();
    return;
  }
  if (command === "createsuperuser" || command === "auth") {
    const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
    await db.migrate();
    try {
      process.exitCode = await authCommand(db.db, process.argv.slice(2), config.bcryptRounds);
    } catch (err) {
      if (!(err instanceof CliError)) throw err;
      console.error(err.message);
      process.exitCode = 2;
    } finally {
      await db.close();
    }
    return;
  }
  if (command !== "serve") {
    console.error(`unknown command "${command}"; use serve, migrate or seed`);
    process.exit(2);
  }
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
  const stop = () => server.close(() => rp.close().then(() => process.exit(0)));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
