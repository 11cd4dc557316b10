import net from "node:net";

/**
 * Address classification for the outbound guard (safe-fetch.ts). Addresses are compared as
 * integers (IPv4 as 32 bits, IPv6 as 128 bits) so that every textual form of one address
 * (IPv4-mapped IPv6, compressed zeros, zone ids) lands on the same number.
 */

export interface ParsedIp {
  family: 4 | 6;
  value: bigint;
}

export function parseIp(input: string): ParsedIp | null {
  const ip = input.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const kind = net.isIP(ip);
  if (kind === 4) return { family: 4, value: ipv4ToBigInt(ip) };
  if (kind === 6) return { family: 6, value: ipv6ToBigInt(ip) };
  return null;
}

function ipv4ToBigInt(ip: string): bigint {
  return ip.split(".").reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function ipv6ToBigInt(ip: string): bigint {
  let text = ip.toLowerCase();
  // A dotted IPv4 tail (::ffff:1.2.3.4) becomes two hex groups.
  const tail = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (tail) {
    const v4 = Number(ipv4ToBigInt(tail[1]));
    text = `${text.slice(0, -tail[1].length)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head, rest] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = rest !== undefined && rest !== "" ? rest.split(":") : [];
  const missing = rest === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array(missing).fill("0"), ...right];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(Number.parseInt(g || "0", 16)), 0n);
}

export interface Cidr {
  family: 4 | 6;
  base: bigint;
  bits: number;
}

export function parseCidr(spec: string): Cidr | null {
  const [addr, bitsText] = spec.trim().split("/");
  const ip = parseIp(addr);
  if (!ip) return null;
  const max = ip.family === 4 ? 32 : 128;
  const bits = bitsText === undefined ? max : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > max) return null;
  return { family: ip.family, base: ip.value, bits };
}

export function inCidr(ip: ParsedIp, cidr: Cidr): boolean {
  if (ip.family !== cidr.family) return false;
  const width = BigInt(ip.family === 4 ? 32 : 128);
  const shift = width - BigInt(cidr.bits);
  return ip.value >> shift === cidr.base >> shift;
}

const range = (spec: string, reason: string) => ({ cidr: parseCidr(spec) as Cidr, reason });

/** Every IPv4 range that is not the public internet (IANA special-purpose registry). */
const V4_BLOCKED = [
  range("0.0.0.0/8", "unspecified"),
  range("10.0.0.0/8", "private"),
  range("100.64.0.0/10", "cgnat"),
  range("127.0.0.0/8", "loopback"),
  range("169.254.0.0/16", "link-local"),
  range("172.16.0.0/12", "private"),
  range("192.0.0.0/24", "reserved"),
  range("192.0.2.0/24", "reserved"),
  range("192.88.99.0/24", "reserved"),
  range("192.168.0.0/16", "private"),
  range("198.18.0.0/15", "reserved"),
  range("198.51.100.0/24", "reserved"),
  range("203.0.113.0/24", "reserved"),
  range("224.0.0.0/4", "multicast"),
  range("240.0.0.0/4", "reserved"),
];

const V6_BLOCKED = [
  range("::/128", "unspecified"),
  range("::1/128", "loopback"),
  // IPv4-compatible (deprecated) addresses, which also covers :: and ::1.
  range("::/96", "reserved"),
  range("64:ff9b:1::/48", "private"),
  range("100::/64", "reserved"),
  // IETF protocol assignments: Teredo, benchmarking, ORCHID …
  range("2001::/23", "reserved"),
  range("2001:db8::/32", "reserved"),
  range("3fff::/20", "reserved"),
  range("fc00::/7", "private"),
  range("fe80::/10", "link-local"),
  range("fec0::/10", "link-local"),
  range("ff00::/8", "multicast"),
];

const MAPPED = parseCidr("::ffff:0:0/96") as Cidr;
const NAT64 = parseCidr("64:ff9b::/96") as Cidr;
const SIX_TO_FOUR = parseCidr("2002::/16") as Cidr;

/**
 * Why an address must not be reached ("loopback", "private", …), or null when it is public.
 * IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4) are judged by that address.
 */
export function blockedReason(address: string): string | null {
  const ip = parseIp(address);
  if (!ip) return "invalid";
  if (ip.family === 6) {
    if (inCidr(ip, MAPPED) || inCidr(ip, NAT64)) return blockedReason(bigIntToIpv4(ip.value & 0xffffffffn));
    if (inCidr(ip, SIX_TO_FOUR)) return blockedReason(bigIntToIpv4((ip.value >> 80n) & 0xffffffffn));
  }
  for (const r of ip.family === 4 ? V4_BLOCKED : V6_BLOCKED) if (inCidr(ip, r.cidr)) return r.reason;
  return null;
}

function bigIntToIpv4(value: bigint): string {
  const n = Number(value);
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

/** OUTBOUND_ALLOW: comma-separated host names (matched exactly) and addresses or CIDRs. */
export interface AllowList {
  hosts: Set<string>;
  cidrs: Cidr[];
}

export function parseAllowList(spec: string | undefined): AllowList {
  const list: AllowList = { hosts: new Set(), cidrs: [] };
  for (const raw of (spec ?? "").split(",")) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    const cidr = parseCidr(entry);
    if (cidr) list.cidrs.push(cidr);
    else list.hosts.add(entry);
  }
  return list;
}

export function isAllowed(list: AllowList, host: string, address: string): boolean {
  if (list.hosts.has(host.toLowerCase())) return true;
  const ip = parseIp(address);
  return ip !== null && list.cidrs.some((c) => inCidr(ip, c));
}
