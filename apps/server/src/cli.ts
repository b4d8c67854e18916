import { openDatabase } from "@rackplane/db";
import { createRackplane } from "./app";
import { configFromEnv } from "./config";

/** `rackplane serve` (default) | `rackplane migrate` */
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
  if (command !== "serve") {
    console.error(`unknown command "${command}"; use serve or migrate`);
    process.exit(2);
  }
  const rp = await createRackplane(config);
  const server = rp.app.listen(config.port, config.host, () => {
    const where = config.databaseUrl ? "PostgreSQL" : `PGlite in ${config.dataDir}`;
    console.log(`Rackplane listening on http://${config.host}:${config.port}/api/ (${where})`);
  });
  const stop = () => server.close(() => rp.close().then(() => process.exit(0)));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
