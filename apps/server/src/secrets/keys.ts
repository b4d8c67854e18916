import { createHash, randomBytes, scryptSync } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** One AES-256 key and the id sealed values carry, so a rotated key still opens its values. */
export interface SecretKey {
  id: string;
  key: Buffer;
}

/** Where the keys come from (config.ts reads them from the environment). */
export interface KeySettings {
  /** RACKPLANE_SECRET_KEY: the current key; when set, the key file is neither read nor created. */
  key?: string;
  /** RACKPLANE_SECRET_KEY_PREVIOUS: older keys, still accepted for opening (comma-separated). */
  previous: string[];
  /** RACKPLANE_SECRET_KEY_FILE: one key per line, the first is current; generated (64 hex) when missing. */
  file: string;
}

/** Passphrases are stretched with scrypt; the salt is fixed so every replica derives the same key. */
const PASSPHRASE_SALT = "rackplane secret key v1";
const MIN_PASSPHRASE = 16;

/**
 * A key as people write it: 64 hex characters, base64 (or base64url) of 32 bytes,
 * or else a passphrase of at least 16 characters, derived with scrypt. `where` names
 * the setting in the start-up error.
 */
export function parseKey(text: string, where: string): SecretKey {
  const s = text.trim();
  let key: Buffer | undefined;
  if (/^[0-9a-f]{64}$/i.test(s)) key = Buffer.from(s, "hex");
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(s)) {
    const b = Buffer.from(s.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (b.length === 32) key = b;
  }
  if (!key) {
    if (s.length < MIN_PASSPHRASE)
      throw new Error(
        `${where}: a secret key is 64 hex characters, base64 of 32 bytes, or a passphrase of at least ${MIN_PASSPHRASE} characters.`,
      );
    key = scryptSync(s, PASSPHRASE_SALT, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  }
  return { id: keyId(key), key };
}

/** Non-secret fingerprint of a key: 8 hex characters of a SHA-256 over it. */
const keyId = (key: Buffer) => createHash("sha256").update("rackplane key id\0").update(key).digest("hex").slice(0, 8);

/** The keys, current first. */
export function loadKeys(s: KeySettings): SecretKey[] {
  if (s.key) {
    return [
      parseKey(s.key, "RACKPLANE_SECRET_KEY"),
      ...s.previous.map((k, i) => parseKey(k, `RACKPLANE_SECRET_KEY_PREVIOUS[${i}]`)),
    ];
  }
  return readKeyFile(s.file).map((line, i) => parseKey(line, `${s.file} line ${i + 1}`));
}

function readKeyFile(file: string): string[] {
  const lines = (text: string) =>
    text
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#"));
  try {
    const found = lines(readFileSync(file, "utf8"));
    if (!found.length) throw new Error(`${file}: no secret key in the file.`);
    return found;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  // Written whole under a temporary name, then linked into place: a process racing this one
  // either wins the link or reads a complete file, never an empty one.
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(tmp, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600 });
  try {
    linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err; // another process won the race: use its key
  } finally {
    unlinkSync(tmp);
  }
  return lines(readFileSync(file, "utf8"));
}
