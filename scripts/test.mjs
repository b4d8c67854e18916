#!/usr/bin/env node
// Runs every package's test suite through turbo (PGlite always; PostgreSQL too when
// DATABASE_URL is set), streams the output, and closes with one summary line over
// all vitest runs: "Tests: N passed, N failed".
import { spawn } from "node:child_process";

// One package at a time: the server suite already keeps both cores busy with two workers.
// Two at a time was measured slower (test stage 16.0 min against 14.9 min).
const args = ["turbo", "run", "test", "--concurrency=1", "--continue", ...process.argv.slice(2)];
const child = spawn("npx", args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" } });
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");
let passed = 0;
let failed = 0;
let skipped = 0;
let files = 0;
const scan = (chunk) => {
  for (const raw of chunk.toString().split("\n")) {
    const line = raw.replace(ANSI, "");
    const m = /\bTests\s+(.*)\((\d+)\)\s*$/.exec(line);
    if (!m) continue;
    files++;
    for (const [, n, what] of m[1].matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
      if (what === "passed") passed += Number(n);
      else if (what === "failed") failed += Number(n);
      else skipped += Number(n);
    }
  }
};
child.stdout.on("data", (d) => {
  process.stdout.write(d);
  scan(d);
});
child.stderr.on("data", (d) => {
  process.stderr.write(d);
  scan(d);
});
child.on("close", (code) => {
  console.log(`\nvitest runs: ${files}`);
  console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  process.exit(code === 0 && failed === 0 && passed > 0 ? 0 : 1);
});
