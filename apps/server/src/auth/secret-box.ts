import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Encryption at rest for secrets the server must use later in clear (forwarding
 * passwords, BMC credentials): AES-256-GCM, random 96-bit IV per value. The key
 * comes from RACKPLANE_SECRET_KEY (64 hex or base64 of 32 bytes) or from a key
 * file generated on first start (mode 0600). Every replica needs the same key.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error("RACKPLANE_SECRET_KEY must be 32 bytes (64 hex characters or base64)");
  }

  static open(o: { key?: string; keyFile: string }): SecretBox {
    if (o.key)
      return new SecretBox(/^[0-9a-f]{64}$/i.test(o.key) ? Buffer.from(o.key, "hex") : Buffer.from(o.key, "base64"));
    try {
      return new SecretBox(Buffer.from(readFileSync(o.keyFile, "utf8").trim(), "hex"));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
    mkdirSync(dirname(o.keyFile), { recursive: true });
    try {
      writeFileSync(o.keyFile, randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err; // another process won the race
    }
    return new SecretBox(Buffer.from(readFileSync(o.keyFile, "utf8").trim(), "hex"));
  }

  /** A keyed digest of `label` (HMAC-SHA-256 under the box's key): values only this server can recompute. */
  mac(label: string): string {
    return createHmac("sha256", this.key).update(label).digest("hex");
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv("aes-256-gcm", this.key, iv);
    const data = Buffer.concat([c.update(plain, "utf8"), c.final()]);
    return ["v1", iv.toString("base64"), c.getAuthTag().toString("base64"), data.toString("base64")].join(":");
  }

  open(sealed: string): string {
    const [v, iv, tag, data] = sealed.split(":");
    if (v !== "v1" || !iv || !tag || data === undefined) throw new Error("not a sealed secret");
    const d = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64"));
    d.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([d.update(Buffer.from(data, "base64")), d.final()]).toString("utf8");
  }
}

let current: SecretBox | undefined;
/** The server's box (set once at start; bindings seal write-only secrets with it). */
export const secretBox = () => {
  if (!current) throw new Error("secret box not initialised");
  return current;
};
export const setSecretBox = (b: SecretBox) => {
  current = b;
};
