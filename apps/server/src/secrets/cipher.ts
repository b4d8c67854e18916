import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Encryption at rest for secrets Rackplane must give back to machines (BMC
 * passwords): AES-256-GCM from node:crypto. The key comes from
 * RACKPLANE_SECRET_KEY (base64, 32 bytes) or, when unset, a key file generated once
 * (RACKPLANE_SECRET_KEY_FILE, default `<data dir>/secret.key`, mode 0600).
 */
export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

export function loadKey(env: NodeJS.ProcessEnv, dataDir: string): Buffer {
  if (env.RACKPLANE_SECRET_KEY) {
    const key = Buffer.from(env.RACKPLANE_SECRET_KEY, "base64");
    if (key.length !== 32) throw new Error("RACKPLANE_SECRET_KEY must be 32 bytes, base64-encoded.");
    return key;
  }
  const file =
    env.RACKPLANE_SECRET_KEY_FILE ?? `${dataDir.startsWith("memory://") ? "./.rackplane" : dataDir}/secret.key`;
  if (existsSync(file)) return Buffer.from(readFileSync(file, "utf8").trim(), "base64");
  const key = randomBytes(32);
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, key.toString("base64"), { mode: 0o600, flag: "wx" });
  } catch (e) {
    // Another process created it first: use that one.
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return Buffer.from(readFileSync(file, "utf8").trim(), "base64");
    throw e;
  }
  return key;
}

export function secretBox(key: Buffer): SecretBox {
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return `v1:${iv.toString("base64")}:${cipher.getAuthTag().toString("base64")}:${data.toString("base64")}`;
    },
    open(sealed) {
      const [v, iv, tag, data] = sealed.split(":");
      if (v !== "v1" || !iv || !tag || data === undefined) throw new Error("Not a sealed secret.");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
      decipher.setAuthTag(Buffer.from(tag, "base64"));
      return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
    },
  };
}

let box: SecretBox | undefined;
/** The process's box (one key per process, loaded on first use). */
export function secrets(): SecretBox {
  box ??= secretBox(loadKey(process.env, process.env.RACKPLANE_DATA_DIR ?? "./.rackplane/data"));
  return box;
}
