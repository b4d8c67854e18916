import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { track } from "./children";
import { freePort } from "./net";

/**
 * Real BMCs for tests and the dev script: each one is an OpenStack `sushy-emulator`
 * process (installed by `.ci/sushy.sh`) with its fake systems driver, listening on
 * 127.0.0.1 and guarded by HTTP Basic auth from a bcrypt htpasswd file, so wrong
 * credentials are refused by the emulator itself.
 */
export interface BmcUser {
  username: string;
  password: string;
}

export interface BmcOptions {
  users?: BmcUser[];
  /** System name (the fake driver's `name`); default `node-<index>`. */
  name?: string;
}

export interface Bmc {
  port: number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  systemId: string;
  mac: string;
  /** Kills the emulator (used to make a BMC disappear mid-job). */
  stop(): Promise<void>;
}

export const DEFAULT_BMC_USER: BmcUser = { username: "admin", password: "rackplane-bmc" };

const repoRoot = resolve(import.meta.dirname, "../../..");
export const sushyVenv = process.env.SUSHY_VENV ?? join(repoRoot, ".venv/sushy");

/** htpasswd lines hashed by the same `bcrypt` library the emulator verifies with. */
function htpasswd(users: BmcUser[]): string {
  const script =
    "import bcrypt, json, sys\n" +
    "for u in json.load(sys.stdin):\n" +
    "    print(u['username'] + ':' + bcrypt.hashpw(u['password'].encode(), bcrypt.gensalt(rounds=4)).decode())\n";
  return execFileSync(join(sushyVenv, "bin/python"), ["-c", script], { input: JSON.stringify(users) }).toString();
}

let counter = 0;
const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");

/** Emulator config (a Python file): one fake system with a NIC, storage controller and drive. */
function configFile(dir: string, index: number, name: string) {
  const systemId = `52ac0000-0000-4000-8000-${hex(process.pid % 65536, 4)}${hex(index, 8)}`;
  const mac = `52:54:00:${hex((index >> 16) & 255, 2)}:${hex((index >> 8) & 255, 2)}:${hex(index & 255, 2)}`;
  const systems = [
    { uuid: systemId, name, power_state: "Off", external_notifier: false, nics: [{ mac, ip: "127.0.0.1" }] },
  ];
  const storage = {
    [systemId]: [
      {
        Id: "1",
        Name: "Local Storage Controller",
        StorageControllers: [{ MemberId: "0", Name: "Integrated RAID", SpeedGbps: 12 }],
        Drives: ["drive-0"],
      },
    ],
  };
  const py = (v: unknown) =>
    JSON.stringify(v)
      .replace(/\btrue\b/g, "True")
      .replace(/\bfalse\b/g, "False");
  writeFileSync(
    join(dir, "emulator.conf"),
    [
      "SUSHY_EMULATOR_FAKE_DRIVER = True",
      `SUSHY_EMULATOR_AUTH_FILE = ${JSON.stringify(join(dir, "htpasswd"))}`,
      `SUSHY_EMULATOR_STATE_DIR = ${JSON.stringify(join(dir, "state"))}`,
      `SUSHY_EMULATOR_FAKE_SYSTEMS = ${py(systems)}`,
      `SUSHY_EMULATOR_STORAGE = ${py(storage)}`,
      `SUSHY_EMULATOR_DRIVES = {(${JSON.stringify(systemId)}, "1"): [{"Id": "drive-0", "Name": "Drive 0", "CapacityBytes": 899527000000, "Protocol": "SAS"}]}`,
      "",
    ].join("\n"),
  );
  return { systemId, mac };
}

async function waitUp(url: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sushy-emulator exited: ${log()}`);
    try {
      const res = await fetch(`${url}/redfish/v1/`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`sushy-emulator on ${url} did not come up: ${log()}`);
}

/** Starts one emulator on a free loopback port. */
export async function startBmc(opts: BmcOptions = {}): Promise<Bmc> {
  const index = ++counter;
  const dir = mkdtempSync(join(tmpdir(), "rackplane-bmc-"));
  writeFileSync(join(dir, "htpasswd"), htpasswd(opts.users ?? [DEFAULT_BMC_USER]));
  const { systemId, mac } = configFile(dir, index, opts.name ?? `node-${index}`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    join(sushyVenv, "bin/sushy-emulator"),
    ["--config", join(dir, "emulator.conf"), "--fake", "-i", "127.0.0.1", "-p", String(port)],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  track(child);
  child.stderr?.on("data", (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await gone;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUp(url, child, () => stderr);
  } catch (e) {
    await stop();
    throw e;
  }
  return { port, url, systemId, mac, stop };
}

/** Several BMCs at once; stop them with `stopBmcs`. */
export async function startBmcs(count: number, opts: BmcOptions = {}): Promise<Bmc[]> {
  return Promise.all(Array.from({ length: count }, () => startBmc(opts)));
}

export async function stopBmcs(bmcs: Bmc[]) {
  await Promise.all(bmcs.map((b) => b.stop()));
}
