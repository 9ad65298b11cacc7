// Fetches an app's JWKS (private_key_jwt with a jwks_uri) so that a host name cannot lead the
// server into its own network. Registration already refuses private IP literals
// (client-keys.ts), but a name is checked only when it is looked up, and its DNS answer may
// change after registration (DNS rebinding). Node's fetch offers no hook on the address it
// connects to, so this uses node:https with a `lookup` that drops the connection when any
// address is internal. Loopback literals stay allowed: only an administrator can register them.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Loopback, private, shared (CGNAT), link-local (cloud metadata), unspecified, multicast, reserved. */
const INTERNAL_V4 = new BlockList();
for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3]] as const) {
  INTERNAL_V4.addSubnet(net, bits, 'ipv4');
}
// Kept apart from the IPv4 list: a BlockList checks IPv4 addresses against IPv6 rules in their
// mapped form, so ::ffff:0:0/96 there would match every IPv4 address. Mapped addresses in a DNS
// answer are refused outright.
const INTERNAL_V6 = new BlockList();
for (const [net, bits] of [['::', 127], ['::ffff:0:0', 96], ['64:ff9b::', 96], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) {
  INTERNAL_V6.addSubnet(net, bits, 'ipv6');
}

export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return INTERNAL_V4.check(address, 'ipv4');
  if (family === 6) return INTERNAL_V6.check(address, 'ipv6');
  return true;
}

const LOOPBACK_LITERALS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** Upper bound on a JWKS document: 20 RSA keys are well under this. */
const MAX_BYTES = 256 * 1024;

export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 0);
    const internal = addresses.find((a) => isInternalAddress(a.address));
    if (internal || addresses.length === 0) return callback(Object.assign(new Error(`${hostname} resolves to an address inside the network`), { code: 'EINTERNAL' }), '', 0);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};

/** A fetch for jose's `customFetch`: GET only, no redirects followed, bounded size. */
export function fetchJwks(url: string, options: { headers: Headers; signal: AbortSignal }): Promise<Response> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers: Record<string, string> = {};
  options.headers.forEach((value, name) => (headers[name] = value));
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'GET',
        headers,
        signal: options.signal,
        ...(LOOPBACK_LITERALS.has(target.hostname) ? {} : { lookup: publicOnlyLookup }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BYTES) return req.destroy(new Error('JWKS document too large'));
          chunks.push(chunk);
        });
        res.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers.set(name, value);
          resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 502, headers }));
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}
