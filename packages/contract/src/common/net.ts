import ipaddr from "ipaddr.js";
import { z } from "zod";

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

const MAC =
  /^([0-9a-f]{2})[:-]?([0-9a-f]{2})[:.-]?([0-9a-f]{2})[:-]?([0-9a-f]{2})[:.-]?([0-9a-f]{2})[:-]?([0-9a-f]{2})$/i;

/** `AA-BB-CC-DD-EE-FF`, `aabb.ccdd.eeff`, `aabbccddeeff` → `aa:bb:cc:dd:ee:ff`. */
export function normaliseMac(input: string): string | undefined {
  const m = MAC.exec(input.trim());
  return m ? m.slice(1).join(":").toLowerCase() : undefined;
}

export const ipSchema = (family?: 4 | 6) =>
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

export const cidrSchema = (strict: boolean) =>
  z.string().transform((v, ctx) => {
    const r = normaliseCidr(v, strict);
    if ("error" in r) {
      ctx.addIssue({ code: "custom", message: r.error });
      return z.NEVER;
    }
    return r.value;
  });

export const macSchema = z.string().transform((v, ctx) => {
  const mac = normaliseMac(v);
  if (!mac) {
    ctx.addIssue({ code: "custom", message: `"${v}" is not a valid MAC address (e.g. 00:1a:2b:3c:4d:5e).` });
    return z.NEVER;
  }
  return mac;
});

/** A filter value for containment lookups: an address or a network (host bits allowed). */
export const queryNetwork = z.string().transform((v, ctx) => {
  const ip = normaliseIp(v);
  if (ip) return ip;
  const r = normaliseCidr(v, false);
  if ("error" in r) {
    ctx.addIssue({ code: "custom", message: `"${v}" is not a valid address or network.` });
    return z.NEVER;
  }
  return r.value;
});

export const queryFamily = z.coerce
  .number()
  .refine((n) => n === 4 || n === 6, "Must be 4 or 6.")
  .transform((n) => n as 4 | 6);
