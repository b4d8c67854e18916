import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { track } from "./children";
import { freePort } from "./net";

/**
 * A real PgBouncer (Debian's, see .ci/pgbouncer.sh) in transaction pooling mode in front
 * of one database of DATABASE_URL's server, on a free loopback port; `url` reaches the
 * database through it. Run as `postgres` when the test runs as root (PgBouncer refuses root).
 */
export async function startPgbouncer(databaseUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  if (spawnSync("pgbouncer", ["--version"]).status !== 0)
    throw new Error("pgbouncer is not installed: run `bash .ci/pgbouncer.sh` (Debian's package) first");
  const target = new URL(databaseUrl);
  const user = decodeURIComponent(target.username);
  const dbname = target.pathname.slice(1);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "rp-pgbouncer-"));
  writeFileSync(join(dir, "users.txt"), `"${user}" "${decodeURIComponent(target.password)}"\n`);
  writeFileSync(
    join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `${dbname} = host=${target.hostname} port=${target.port || 5432} dbname=${dbname}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${join(dir, "users.txt")}`,
      "pool_mode = transaction",
      // Fewer server connections than the three servers' pools: they must really share.
      "default_pool_size = 8",
      "max_client_conn = 500",
      "",
    ].join("\n"),
  );
  chmodSync(dir, 0o755);
  const asRoot = process.getuid?.() === 0;
  const proc = spawn("pgbouncer", [...(asRoot ? ["-u", "postgres"] : []), join(dir, "pgbouncer.ini")], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout.on("data", (d) => (out += d));
  proc.stderr.on("data", (d) => (out += d));
  const exited = new Promise<void>((r) => proc.once("exit", () => r()));
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  };
  track(proc, stop);
  const deadline = Date.now() + 60_000;
  while (!(await accepts(port))) {
    if (proc.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`pgbouncer did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return { url: url.toString(), stop };
}

const accepts = (port: number) =>
  new Promise<boolean>((ok) => {
    const s = connect(port, "127.0.0.1");
    s.once("connect", () => {
      s.destroy();
      ok(true);
    });
    s.once("error", () => ok(false));
  });
