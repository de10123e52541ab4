import { isIP } from 'node:net';

/** Why an address may not be fetched (private, loopback, ...), or undefined for a public address. */
export function blockedAddress(address: string): string | undefined {
  const a = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const v = isIP(a);
  if (v === 4) return blockedV4(v4Bytes(a));
  if (v === 6) return blockedV6(a);
  return 'not an IP address';
}

function v4Bytes(a: string): number[] {
  return a.split('.').map((x) => Number(x));
}

/** IPv4 ranges that are not the public internet (RFC 6890 special-purpose registry). */
function blockedV4(b: number[]): string | undefined {
  const [x, y] = b;
  if (x === 0) return 'an unspecified/"this network" address (0.0.0.0/8)';
  if (x === 10) return 'a private address (10.0.0.0/8)';
  if (x === 100 && y >= 64 && y <= 127) return 'a shared carrier-grade NAT address (100.64.0.0/10)';
  if (x === 127) return 'a loopback address (127.0.0.0/8)';
  if (x === 169 && y === 254) return 'a link-local address (169.254.0.0/16)';
  if (x === 172 && y >= 16 && y <= 31) return 'a private address (172.16.0.0/12)';
  if (x === 192 && y === 0 && (b[2] === 0 || b[2] === 2)) return 'a reserved address (192.0.0.0/24, 192.0.2.0/24)';
  if (x === 192 && y === 168) return 'a private address (192.168.0.0/16)';
  if (x === 198 && (y === 18 || y === 19)) return 'a benchmarking address (198.18.0.0/15)';
  if ((x === 198 && y === 51 && b[2] === 100) || (x === 203 && y === 0 && b[2] === 113)) return 'a documentation address';
  if (x >= 224 && x <= 239) return 'a multicast address (224.0.0.0/4)';
  if (x >= 240) return 'a reserved or broadcast address (240.0.0.0/4)';
  return undefined;
}

/** Parses an IPv6 address (with an optional embedded dotted quad) into eight 16-bit groups. */
export function v6Groups(a: string): number[] {
  let s = a.toLowerCase();
  const tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    const q = v4Bytes(dotted[1]);
    tail.push((q[0] << 8) | q[1], (q[2] << 8) | q[3]);
    s = s.slice(0, -dotted[1].length);
    if (s.endsWith(':') && !s.endsWith('::')) s = s.slice(0, -1);
  }
  const [head, rest] = s.split('::');
  const left = head ? head.split(':').filter(Boolean).map((h) => parseInt(h, 16)) : [];
  const right = rest !== undefined && rest ? rest.split(':').filter(Boolean).map((h) => parseInt(h, 16)) : [];
  const fill = 8 - left.length - right.length - tail.length;
  return [...left, ...Array(Math.max(0, rest !== undefined ? fill : 0)).fill(0), ...right, ...tail];
}

function blockedV6(a: string): string | undefined {
  const g = v6Groups(a);
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0);
  const embedded = (i: number) => [g[i] >> 8, g[i] & 255, g[i + 1] >> 8, g[i + 1] & 255];
  if (zeros(8)) return 'the unspecified address (::)';
  if (zeros(7) && g[7] === 1) return 'the loopback address (::1)';
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) addresses reach the IPv4 host.
  if (zeros(5) && g[5] === 0xffff) {
    const why = blockedV4(embedded(6));
    return why ? `an IPv4-mapped IPv6 address of ${why}` : undefined;
  }
  if (zeros(6)) {
    const why = blockedV4(embedded(6));
    return why ? `an IPv4-compatible IPv6 address of ${why}` : undefined;
  }
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) also embed an IPv4 host.
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) {
    const why = blockedV4(embedded(6));
    return why ? `a NAT64 address of ${why}` : undefined;
  }
  if (g[0] === 0x2002) {
    const why = blockedV4(embedded(1));
    return why ? `a 6to4 address of ${why}` : undefined;
  }
  if ((g[0] & 0xffc0) === 0xfe80) return 'a link-local address (fe80::/10)';
  if ((g[0] & 0xffc0) === 0xfec0) return 'a site-local address (fec0::/10)';
  if ((g[0] & 0xfe00) === 0xfc00) return 'a unique-local (private) address (fc00::/7)';
  if ((g[0] & 0xff00) === 0xff00) return 'a multicast address (ff00::/8)';
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'a documentation address (2001:db8::/32)';
  if (g[0] === 0x0100 && g[1] === 0 && g[2] === 0 && g[3] === 0) return 'a discard-only address (100::/64)';
  return undefined;
}
