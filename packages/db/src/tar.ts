import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";

/**
 * Just enough of ustar for PGlite's own data-directory dumps (`dumpDataDir`):
 * regular files and directories, names of at most 100 characters plus the ustar
 * prefix. Anything else in a dump is an error, not silently skipped.
 */
export interface TarEntry {
  /** Relative path, without the leading `/` PGlite writes. */
  name: string;
  kind: "file" | "dir";
  data: Uint8Array;
  /** Offsets of the whole entry (header and padded data) in the archive. */
  start: number;
  end: number;
}

const BLOCK = 512;
const text = (b: Uint8Array, at: number, len: number) => {
  const field = b.subarray(at, at + len);
  const nul = field.indexOf(0);
  return Buffer.from(nul < 0 ? field : field.subarray(0, nul)).toString("utf8");
};

export function* tarEntries(tar: Uint8Array): Generator<TarEntry> {
  for (let at = 0; at + BLOCK <= tar.length; ) {
    const short = text(tar, at, 100);
    if (!short) return; // the two zero blocks that end an archive
    const prefix = text(tar, at + 345, 155);
    const size = Number.parseInt(text(tar, at + 124, 12).trim() || "0", 8);
    const flag = String.fromCharCode(tar[at + 156] ?? 0);
    const name = normalize((prefix ? `${prefix}/${short}` : short).replace(/^\/+/, ""));
    if (name.startsWith("..") || !Number.isFinite(size)) throw new Error(`tar: bad entry "${name}"`);
    const kind = flag === "5" ? "dir" : flag === "0" || flag === "\0" ? "file" : undefined;
    if (!kind) throw new Error(`tar: entry "${name}" has unsupported type "${flag}"`);
    const dataAt = at + BLOCK;
    const end = dataAt + Math.ceil(size / BLOCK) * BLOCK;
    yield { name, kind, data: tar.subarray(dataAt, dataAt + size), start: at, end };
    at = end;
  }
}

/** The archive without the entries `drop` picks (entries are copied as they are). */
export function withoutEntries(tar: Uint8Array, drop: (name: string) => boolean): Buffer {
  const kept = [...tarEntries(tar)].filter((e) => !drop(e.name)).map((e) => tar.subarray(e.start, e.end));
  return Buffer.concat([...kept, new Uint8Array(2 * BLOCK)]);
}

/**
 * Writes the archive's files under `dir`, the entry named `last` after every other,
 * so a process stopped half-way leaves a directory without it.
 */
export function extractTar(tar: Uint8Array, dir: string, last: string) {
  let deferred: TarEntry | undefined;
  const made = new Set<string>();
  const mkdir = (path: string) => {
    if (!made.has(path)) mkdirSync(path, { recursive: true });
    made.add(path);
  };
  const write = (e: TarEntry) => {
    const path = join(dir, e.name);
    if (e.kind === "dir") return mkdir(path);
    mkdir(dirname(path));
    writeFileSync(path, e.data);
  };
  for (const e of tarEntries(tar)) {
    if (e.name === last) deferred = e;
    else write(e);
  }
  if (deferred) write(deferred);
}
