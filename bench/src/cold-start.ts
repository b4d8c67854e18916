import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serverEntry, serverEnv, startChild } from "./processes";

/** Spawn to first 200 on an empty PGlite data directory (migrations included), then on the same directory again. */
export async function coldStart() {
  const dir = mkdtempSync(join(tmpdir(), "rackplane-cold-"));
  try {
    const env = { ...serverEnv, RACKPLANE_DATA_DIR: join(dir, "data"), DATABASE_URL: "" };
    const first = await startChild(serverEntry, env);
    await first.stop();
    const again = await startChild(serverEntry, env);
    await again.stop();
    return { freshDataDirMs: Math.round(first.startMs), existingDataDirMs: Math.round(again.startMs) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
