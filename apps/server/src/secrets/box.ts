import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { type KeySettings, loadKeys, type SecretKey } from "./keys";

/**
 * The one place secrets are sealed at rest (BMC credentials, forwarding passwords,
 * BGP session passwords): AES-256-GCM, a random 96-bit IV per value, stored as
 * `v2:<key id>:<iv>:<tag>:<ciphertext>` (base64). New values use the current key;
 * any configured key opens the values sealed with it, so keys can be rotated.
 * `v1:<iv>:<tag>:<ciphertext>` (no key id, written before rotation existed) is
 * opened by trying each key: GCM's tag tells the right one.
 */
export class SecretBox {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: SecretKey[]) {
    if (!keys.length) throw new Error("No secret key configured.");
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  static fromSettings(s: KeySettings): SecretBox {
    return new SecretBox(loadKeys(s));
  }

  /** Id of the key new values are sealed with. */
  get currentKeyId(): string {
    return this.keys[0]!.id;
  }

  /**
   * HMAC-SHA-256 of `label` under the current key: a value the server can derive again
   * but nobody without the key can (personal tokens' keys). A key rotation changes it.
   */
  mac(label: string): string {
    return createHmac("sha256", this.keys[0]!.key).update(label).digest("hex");
  }

  seal(plain: string): string {
    const { id, key } = this.keys[0]!;
    const iv = randomBytes(12);
    const c = createCipheriv("aes-256-gcm", key, iv);
    const data = Buffer.concat([c.update(plain, "utf8"), c.final()]);
    return ["v2", id, iv.toString("base64"), c.getAuthTag().toString("base64"), data.toString("base64")].join(":");
  }

  open(sealed: string): string {
    const parts = sealed.split(":");
    if (parts[0] === "v2" && parts.length === 5) {
      const key = this.byId.get(parts[1]!);
      if (!key) throw new Error(`Sealed with key ${parts[1]}, which is not configured (RACKPLANE_SECRET_KEY*).`);
      return decrypt(key, parts[2]!, parts[3]!, parts[4]!);
    }
    if (parts[0] === "v1" && parts.length === 4) {
      for (const { key } of this.keys) {
        try {
          return decrypt(key, parts[1]!, parts[2]!, parts[3]!);
        } catch {}
      }
      throw new Error("No configured key opens this secret.");
    }
    throw new Error("Not a sealed secret.");
  }

  /** Whether a stored value is sealed (any version); anything else is legacy plain text. */
  static isSealed(stored: string): boolean {
    return /^v2:[0-9a-f]{8}:[^:]*:[^:]*:[^:]*$/.test(stored) || /^v1:[^:]*:[^:]*:[^:]*$/.test(stored);
  }

  /** Whether a stored value needs sealing again with the current key (rotation, legacy format). */
  isStale(stored: string): boolean {
    return !stored.startsWith(`v2:${this.currentKeyId}:`);
  }
}

function decrypt(key: Buffer, iv: string, tag: string, data: string): string {
  const d = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
  d.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([d.update(Buffer.from(data, "base64")), d.final()]).toString("utf8");
}
