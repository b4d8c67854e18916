import ipaddr from "ipaddr.js";
import { z } from "zod";
import { documentAs } from "./documented";

/**
 * IP, CIDR and MAC values: parsed and normalised with ipaddr.js so the API
 * accepts only what PostgreSQL's `inet`/`cidr`/`macaddr` store exactly, and a
 * bad value is a 400 on its field rather than a database error. IPv4 must be
 * four decimal parts (ipaddr.js would also take `10.1` or octal forms).
 */
function parseIp(s: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (ipaddr.IPv4.isValidFourPartDecimal(s)) return ipaddr.IPv4.parse(s);
  if (!s.includes("%") && s.includes(":") && ipaddr.IPv6.isValid(s)) return ipaddr.IPv6.parse(s);
  return undefined;
}

/** `10.0.0.1`, `2001:db8::1` → normalised text, or undefined. */
export function normaliseIp(input: string): string | undefined {
  return parseIp(input.trim())?.toString();
}

/**
 * `10.0.0.0/16` → normalised network text; `strict` refuses host bits right of
 * the mask (a `cidr` column would). Returns a message when invalid.
 */
export function normaliseCidr(input: string, strict: boolean): { value: string } | { error: string } {
  const [addr, len, ...rest] = input.trim().split("/");
  const ip = addr === undefined ? undefined : parseIp(addr);
  const bits = ip?.kind() === "ipv6" ? 128 : 32;
  if (!ip || rest.length || (len !== undefined && !/^\d{1,3}$/.test(len)) || Number(len ?? bits) > bits)
    return { error: `"${input}" is not a valid network; use address/prefix, e.g. 10.0.0.0/16 or 2001:db8::/48.` };
  const prefix = Number(len ?? bits);
  const text = `${ip.toString()}/${prefix}`;
  const network =
    ip.kind() === "ipv6" ? ipaddr.IPv6.networkAddressFromCIDR(text) : ipaddr.IPv4.networkAddressFromCIDR(text);
  if (strict && network.toString() !== ip.toString())
    return { error: `"${input}" has host bits set; the network is ${network.toString()}/${prefix}.` };
  return { value: `${network.toString()}/${prefix}` };
}

/** Family (4 or 6) and prefix length of a normalised network. */
export function networkInfo(cidr: string): { family: 4 | 6; prefix: number; bits: number } {
  const [ip, prefix] = ipaddr.parseCIDR(cidr);
  const family = ip.kind() === "ipv6" ? 6 : 4;
  return { family, prefix, bits: family === 6 ? 128 : 32 };
}

export function familyOf(ip: string): 4 | 6 {
  return ipaddr.parse(ip).kind() === "ipv6" ? 6 : 4;
}

const X = "([0-9a-fA-F]{2})";
/** Six hex pairs, separated by `:`/`-`, in Cisco's dotted form, or not at all. */
export const MAC_PATTERN = `^${X}[:-]?${X}[:.-]?${X}[:-]?${X}[:.-]?${X}[:-]?${X}$`;
const MAC = new RegExp(MAC_PATTERN);

/** `AA-BB-CC-DD-EE-FF`, `aabb.ccdd.eeff`, `aabbccddeeff` → `aa:bb:cc:dd:ee:ff`. */
export function normaliseMac(input: string): string | undefined {
  const m = MAC.exec(input.trim());
  return m ? m.slice(1).join(":").toLowerCase() : undefined;
}

/**
 * The text forms `parseIp` accepts, as patterns for the document: IPv4 as four decimal
 * parts without leading zeros, IPv6 in any RFC 4291 form (embedded IPv4 included).
 */
const IPV4 = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}";
const H = "[0-9a-fA-F]{1,4}";
const IPV6 = [
  `(?:${H}:){7}${H}`,
  `(?:${H}:){1,7}:`,
  `(?:${H}:){1,6}:${H}`,
  `(?:${H}:){1,5}(?::${H}){1,2}`,
  `(?:${H}:){1,4}(?::${H}){1,3}`,
  `(?:${H}:){1,3}(?::${H}){1,4}`,
  `(?:${H}:){1,2}(?::${H}){1,5}`,
  `${H}:(?::${H}){1,6}`,
  `:(?:(?::${H}){1,7}|:)`,
  `(?:${H}:){6}${IPV4}`,
  `(?:${H}:){1,5}:${IPV4}`,
  `::(?:${H}:){0,5}${IPV4}`,
].join("|");
export const IP_PATTERN = {
  4: `^${IPV4}$`,
  6: `^(?:${IPV6})$`,
  any: `^(?:${IPV4}|${IPV6})$`,
} as const;

export const ipSchema = (family?: 4 | 6) =>
  documentAs(ipParser(family), { type: "string", pattern: IP_PATTERN[family ?? "any"] });

const ipParser = (family?: 4 | 6) =>
  z.string().transform((v, ctx) => {
    const ip = normaliseIp(v);
    if (!ip || (family && familyOf(ip) !== family)) {
      ctx.addIssue({
        code: "custom",
        message: `"${v}" is not a valid ${family ? `IPv${family} ` : "IP "}address.`,
      });
      return z.NEVER;
    }
    return ip;
  });

/** `address/prefix` (the prefix optional: a single address), for the document. */
export const CIDR_PATTERN = `^(?:${IPV4}(?:/(?:3[0-2]|[12]?\\d))?|(?:${IPV6})(?:/(?:12[0-8]|1[01]\\d|[1-9]?\\d))?)$`;

export const cidrSchema = (strict: boolean) =>
  documentAs(cidrParser(strict), {
    type: "string",
    pattern: CIDR_PATTERN,
    ...(strict
      ? { description: "A network: no host bits right of the prefix (`10.0.0.0/16`, not `10.0.0.1/16`)." }
      : {}),
  });

const cidrParser = (strict: boolean) =>
  z.string().transform((v, ctx) => {
    const r = normaliseCidr(v, strict);
    if ("error" in r) {
      ctx.addIssue({ code: "custom", message: r.error });
      return z.NEVER;
    }
    return r.value;
  });

const macParser = z.string().transform((v, ctx) => {
  const mac = normaliseMac(v);
  if (!mac) {
    ctx.addIssue({ code: "custom", message: `"${v}" is not a valid MAC address (e.g. 00:1a:2b:3c:4d:5e).` });
    return z.NEVER;
  }
  return mac;
});
export const macSchema = documentAs(macParser, { type: "string", pattern: MAC_PATTERN });

/** A filter value for containment lookups: an address or a network (host bits allowed). */
const networkParser = z.string().transform((v, ctx) => {
  const ip = normaliseIp(v);
  if (ip) return ip;
  const r = normaliseCidr(v, false);
  if ("error" in r) {
    ctx.addIssue({ code: "custom", message: `"${v}" is not a valid address or network.` });
    return z.NEVER;
  }
  return r.value;
});

export const queryNetwork = documentAs(networkParser, { type: "string", pattern: CIDR_PATTERN });

export const queryFamily = documentAs(
  z.coerce
    .number()
    .refine((n) => n === 4 || n === 6, "Must be 4 or 6.")
    .transform((n) => n as 4 | 6),
  { type: "integer", enum: [4, 6] },
);
