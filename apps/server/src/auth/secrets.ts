import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import bcrypt from "bcryptjs";

/** bcrypt cost; tests lower it through RACKPLANE_BCRYPT_ROUNDS to stay fast. */
let rounds = 12;
export const setBcryptRounds = (n: number) => {
  rounds = Math.min(Math.max(n, 4), 15);
};

export const hashPassword = (password: string) => bcrypt.hash(password, rounds);
export const checkPassword = (password: string, hash: string | null | undefined) =>
  hash ? bcrypt.compare(password, hash) : Promise.resolve(false);

/** A new API token key: 160 random bits as 40 hex characters. */
export const newTokenKey = () => randomBytes(20).toString("hex");
export const TOKEN_KEY = /^[0-9a-f]{40}$/;
/** Non-secret lookup prefix of a key. */
export const prefixOf = (key: string) => key.slice(0, 8);
/**
 * The key's stored form. A fast hash is enough: the key is 160 random bits, so
 * there is nothing to brute-force (unlike a password).
 */
export const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");
export const sameHash = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, "hex"), Buffer.from(b, "hex"));
