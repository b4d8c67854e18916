import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { bcryptCompare, bcryptHash } from "./bcrypt-pool";

/** bcrypt cost; tests lower it through RACKPLANE_BCRYPT_ROUNDS to stay fast. */
let rounds = 12;
/** A hash of a random password at the current cost, for callers with no hash of their own. */
let dummy: Promise<string> | undefined;
export const setBcryptRounds = (n: number) => {
  rounds = Math.min(Math.max(n, 4), 15);
  dummy = undefined;
};

export const hashPassword = (password: string) => bcryptHash(password, rounds);
const dummyHash = () => {
  dummy ??= hashPassword(randomBytes(16).toString("hex"));
  return dummy;
};
/** Computes the dummy hash ahead (at start), so the first unknown username is not slower either. */
export const prepareDummyHash = () => dummyHash().then(() => {});

/**
 * Whether `password` matches `hash`. Without a hash (unknown user, no password
 * login) it is checked against a dummy hash of the same cost and refused, so a
 * refusal takes as long whether or not the username exists.
 */
export async function checkPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (hash) return bcryptCompare(password, hash);
  await bcryptCompare(password, await dummyHash());
  return false;
}

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
