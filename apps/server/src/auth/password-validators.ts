import { MIN_PASSWORD_LENGTH } from "@rackplane/contract";
import { dictionary } from "@zxcvbn-ts/language-common";

// Django's AUTH_PASSWORD_VALIDATORS defaults, with Django's messages (Alpacon shows them, several
// per field); the minimum length comes from the contract, which documents it.
/** zxcvbn-ts's list of ~49,000 common passwords (Django ships a similar 20,000). */
const COMMON = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
const SIMILARITY = 0.7;
const ATTRIBUTES = [
  ["username", "username"],
  ["first_name", "first name"],
  ["last_name", "last name"],
  ["email", "email address"],
] as const;

/** Every rule the password breaks, in Django's order; empty when it is acceptable. */
export function passwordProblems(password: string, user: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const lower = password.toLowerCase();
  for (const [field, label] of ATTRIBUTES) {
    const value = user[field];
    if (typeof value !== "string" || !value) continue;
    const parts = [value, ...value.split(/\W+/)].filter(Boolean);
    // Django skips parts far shorter than the password (exceeds_maximum_length_ratio).
    const comparable = (p: string) =>
      !(password.length >= 10 * p.length && p.length < (SIMILARITY / 2) * password.length);
    if (parts.some((p) => comparable(p) && ratio(lower, p.toLowerCase()) >= SIMILARITY)) {
      problems.push(`The password is too similar to the ${label}.`);
      break;
    }
  }
  if (password.length < MIN_PASSWORD_LENGTH)
    problems.push(`This password is too short. It must contain at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (COMMON.has(lower.trim())) problems.push("This password is too common.");
  if (/^\d+$/.test(password)) problems.push("This password is entirely numeric.");
  return problems;
}

/** Similarity as difflib's `ratio()` (2·matches / total length), matches counted as the longest common subsequence. */
function ratio(a: string, b: string): number {
  if (!a.length && !b.length) return 1;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++)
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    prev = cur;
  }
  return (2 * prev[b.length]!) / (a.length + b.length);
}
