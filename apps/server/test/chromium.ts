import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium (see .ci/chromium.sh), headless, with nothing of its own going out. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** `artifacts/<sub>/` at the repository root (gitignored): screenshots for a human to look at. */
export function artifactsDir(sub = ""): string {
  const dir = fileURLToPath(new URL(`../../../artifacts/${sub}`, import.meta.url));
  mkdirSync(dir, { recursive: true });
  return dir;
}
