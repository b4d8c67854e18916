/**
 * Dev helper: starts N sushy-emulator BMCs on 127.0.0.1 (user admin / rackplane-bmc)
 * and keeps them running until Ctrl-C. Needs `bash .ci/sushy.sh` once.
 *   cd apps/server && npx tsx scripts/bmc-emulators.ts 3
 */
import { DEFAULT_BMC_USER, startBmcs, stopBmcs } from "../test/bmc";

const count = Number(process.argv[2] ?? 3);
const bmcs = await startBmcs(count);
for (const b of bmcs)
  console.log(`${b.url}  system ${b.systemId}  (${DEFAULT_BMC_USER.username}:${DEFAULT_BMC_USER.password})`);
const ports = bmcs.map((b) => b.port).sort((a, b) => a - b);
console.log(`scan range: ip_from 127.0.0.1, ip_to 127.0.0.1, ports [${ports.join(", ")}]`);
const shutdown = async () => {
  await stopBmcs(bmcs);
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
