// Terraform's address functions, computed exactly (IPv4 and IPv6) so a subnet's range can be
// compared with a rule's, as Terraform computes it at plan time.
import { EvalError } from './values.js';

interface Net { v6: boolean; addr: bigint; len: number }

const bits = (n: Net) => (n.v6 ? 128 : 32);

function parseIp(ip: string): { v6: boolean; addr: bigint } {
  if (ip.includes(':')) {
    const [head, tail] = ip.split('::') as [string, string | undefined];
    if (ip.split('::').length > 2) throw new EvalError(`${JSON.stringify(ip)} is not an IP address`);
    const groups = (s: string) => (s === '' ? [] : s.split(':'));
    const h = groups(head), t = tail === undefined ? [] : groups(tail);
    // An embedded IPv4 tail (::ffff:10.0.0.1) counts as two groups.
    const expand = (gs: string[]) => gs.flatMap((g) => (g.includes('.') ? v4Groups(g) : [g]));
    const hh = expand(h), tt = expand(t);
    const fill = tail === undefined ? 0 : 8 - hh.length - tt.length;
    const all = [...hh, ...Array(fill).fill('0'), ...tt];
    if (all.length !== 8 || all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) throw new EvalError(`${JSON.stringify(ip)} is not an IP address`);
    return { v6: true, addr: all.reduce((a, g) => (a << 16n) | BigInt(parseInt(g, 16)), 0n) };
  }
  const parts = ip.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) throw new EvalError(`${JSON.stringify(ip)} is not an IP address`);
  return { v6: false, addr: parts.reduce((a, p) => (a << 8n) | BigInt(Number(p)), 0n) };
}

function v4Groups(s: string): string[] {
  const a = parseIp(s).addr;
  return [(a >> 16n).toString(16), (a & 0xffffn).toString(16)];
}

function parseCidr(cidr: string): Net {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(cidr.trim());
  if (!m) throw new EvalError(`${JSON.stringify(cidr)} is not a CIDR prefix`);
  const { v6, addr } = parseIp(m[1]!);
  const len = Number(m[2]);
  if (len > (v6 ? 128 : 32)) throw new EvalError(`${JSON.stringify(cidr)} has a prefix length over ${v6 ? 128 : 32}`);
  const n: Net = { v6, addr, len };
  const host = bits(n) - len;
  // Terraform masks the host bits of the prefix it is given.
  n.addr = (addr >> BigInt(host)) << BigInt(host);
  return n;
}

function format(v6: boolean, addr: bigint): string {
  if (!v6) return [24n, 16n, 8n, 0n].map((s) => String((addr >> s) & 0xffn)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => Number((addr >> BigInt(112 - 16 * i)) & 0xffffn));
  // The longest run of two or more zero groups becomes "::" (the first, when runs tie).
  let best = -1, bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) { best = i; bestLen = j - i; }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

export function cidrsubnet(prefix: string, newbits: number, netnum: number): string {
  const n = parseCidr(prefix);
  const len = n.len + newbits;
  if (!Number.isInteger(newbits) || newbits < 0 || len > bits(n)) throw new EvalError(`cannot extend ${prefix} by ${newbits} bits`);
  if (!Number.isInteger(netnum) || netnum < 0 || BigInt(netnum) >= 1n << BigInt(newbits)) throw new EvalError(`netnum ${netnum} does not fit in ${newbits} bits`);
  const addr = n.addr | (BigInt(netnum) << BigInt(bits(n) - len));
  return `${format(n.v6, addr)}/${len}`;
}

export function cidrhost(prefix: string, hostnum: number): string {
  const n = parseCidr(prefix);
  const size = 1n << BigInt(bits(n) - n.len);
  const h = BigInt(Math.trunc(hostnum));
  const off = h < 0n ? size + h : h;
  if (off < 0n || off >= size) throw new EvalError(`host number ${hostnum} is outside ${prefix}`);
  return format(n.v6, n.addr + off);
}

export function cidrnetmask(prefix: string): string {
  const n = parseCidr(prefix);
  if (n.v6) throw new EvalError('cidrnetmask() takes an IPv4 prefix');
  const mask = ((1n << 32n) - 1n) ^ ((1n << BigInt(32 - n.len)) - 1n);
  return format(false, mask);
}
