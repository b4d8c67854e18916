import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { track } from "./children";

/** The net under spawned processes (children.ts): a process started in a test ends with it. */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("spawned processes", () => {
  let pid = 0;
  it("a tracked process started in a test, left running by it …", () => {
    const child = track(spawn("sleep", ["600"], { stdio: "ignore" }));
    pid = child.pid!;
    expect(alive(pid)).toBe(true);
  });

  it("… is gone once that test has finished", async () => {
    expect(pid).toBeGreaterThan(0);
    for (let i = 0; i < 200 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
    expect(alive(pid)).toBe(false);
  });
});
