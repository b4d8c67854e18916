import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { extractTar, tarEntries, withoutEntries } from "../src/tar";

const root = mkdtempSync(join(tmpdir(), "rp-tar-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A ustar header block as PGlite's dumps have them (leading `/`, octal size). */
function header(name: string, type: "0" | "5", size: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0);
  h.write(`${size.toString(8).padStart(11, "0")}\0`, 124);
  h.write(type, 156);
  h.write("ustar\x0000", 257);
  return h;
}
function archive(entries: [name: string, content?: string][]): Buffer {
  const blocks = entries.flatMap(([name, content]) => {
    if (content === undefined) return [header(name, "5", 0)];
    const data = Buffer.from(content);
    return [header(name, "0", data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512)];
  });
  return Buffer.concat([...blocks, Buffer.alloc(1024)]);
}

describe("template archives", () => {
  const tar = archive([
    ["/PG_VERSION", "18\n"],
    ["/base"],
    ["/base/1", "x".repeat(700)],
    ["/pg_wal"],
    ["/pg_wal/2", ""],
  ]);

  it("lists entries with their data", () => {
    expect([...tarEntries(tar)].map((e) => [e.name, e.kind, e.data.length])).toEqual([
      ["PG_VERSION", "file", 3],
      ["base", "dir", 0],
      ["base/1", "file", 700],
      ["pg_wal", "dir", 0],
      ["pg_wal/2", "file", 0],
    ]);
  });

  it("drops entries and keeps the others byte for byte", () => {
    const kept = withoutEntries(tar, (name) => name === "base/1");
    expect([...tarEntries(kept)].map((e) => e.name)).toEqual(["PG_VERSION", "base", "pg_wal", "pg_wal/2"]);
    expect(Buffer.from([...tarEntries(kept)][0]!.data).toString()).toBe("18\n");
  });

  it("extracts the marker last: a restore that fails half-way leaves no marker", () => {
    const dir = join(root, "half");
    // `base` is a file here, so writing `base/1` fails after PG_VERSION's turn in the archive.
    const broken = archive([
      ["/PG_VERSION", "18\n"],
      ["/base", "not a directory"],
      ["/base/1", "x"],
    ]);
    expect(() => extractTar(broken, dir, "PG_VERSION")).toThrow();
    expect(readFileSync(join(dir, "base"), "utf8")).toBe("not a directory");
    expect(existsSync(join(dir, "PG_VERSION"))).toBe(false);

    const whole = join(root, "whole");
    extractTar(tar, whole, "PG_VERSION");
    expect(readFileSync(join(whole, "PG_VERSION"), "utf8")).toBe("18\n");
    expect(readFileSync(join(whole, "base/1"), "utf8")).toBe("x".repeat(700));
  });

  it("refuses names that leave the directory and entry types it does not know", () => {
    expect(() => [...tarEntries(archive([["/../escape", "x"]]))]).toThrow(/bad entry/);
    const link = archive([["/a", "x"]]);
    link.write("2", 156); // a symbolic link
    expect(() => [...tarEntries(link)]).toThrow(/unsupported type/);
  });
});
