import { Presets, SingleBar } from "cli-progress";
import type { SeedProgress } from "./seed";

/**
 * Progress of `rackplane seed` on stderr (stdout stays for results): a bar
 * (cli-progress) on a terminal, one plain line per step otherwise (CI logs, pipes).
 */
export function seedProgress(stream: NodeJS.WriteStream = process.stderr): { step: SeedProgress; stop(): void } {
  if (!stream.isTTY) {
    return { step: (done, total, key) => stream.write(`seed: ${done}/${total} ${key}\n`), stop: () => {} };
  }
  const bar = new SingleBar(
    { stream, format: "seed [{bar}] {value}/{total} {key}", hideCursor: true, clearOnComplete: false },
    Presets.shades_classic,
  );
  let started = false;
  return {
    step: (done, total, key) => {
      if (!started) {
        bar.start(total, 0, { key: "" });
        started = true;
      }
      bar.update(done, { key });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
