import { randomBytes } from "node:crypto";
import { type Database, rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import { jwtVerify, SignJWT } from "jose";

export interface JwtSettings {
  /** Signing secret from the environment; absent → generated once and kept in the database. */
  secret?: string;
  accessTtl: number;
  refreshTtl: number;
}

/**
 * HS256 access/refresh tokens. The key is shared by every replica: taken from
 * RACKPLANE_JWT_SECRET, or generated on first start and stored in
 * `server_settings` (the first writer wins, so replicas agree).
 */
export class Jwt {
  private constructor(
    private readonly key: Uint8Array,
    private readonly s: JwtSettings,
  ) {}

  static async open(db: Database, s: JwtSettings): Promise<Jwt> {
    if (s.secret) return new Jwt(new TextEncoder().encode(s.secret), s);
    await db.execute(
      sql`INSERT INTO server_settings (key, value) VALUES ('jwt_signing_key', ${randomBytes(32).toString("base64")})
          ON CONFLICT (key) DO NOTHING`,
    );
    const [row] = rowsOf<{ value: string }>(
      await db.execute(sql`SELECT value FROM server_settings WHERE key = 'jwt_signing_key'`),
    );
    return new Jwt(Buffer.from(row!.value, "base64"), s);
  }

  async issue(userId: number, kind: "access" | "refresh") {
    const ttl = kind === "access" ? this.s.accessTtl : this.s.refreshTtl;
    const exp = Math.floor(Date.now() / 1000) + ttl;
    const token = await new SignJWT({ typ: kind })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(String(userId))
      .setIssuedAt()
      .setExpirationTime(exp)
      .setIssuer("rackplane")
      .sign(this.key);
    return { token, expires: new Date(exp * 1000).toISOString() };
  }

  /** The user id of a valid token of `kind`, or undefined (bad signature, expired, wrong kind). */
  async verify(token: string, kind: "access" | "refresh"): Promise<number | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: "rackplane", algorithms: ["HS256"] });
      if (payload.typ !== kind) return undefined;
      const id = Number(payload.sub);
      return Number.isInteger(id) ? id : undefined;
    } catch {
      return undefined;
    }
  }
}
